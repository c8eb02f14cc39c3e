import { freePort } from '../../scripts/database/start-ferretdb';
import { compileServer, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testEnv } from '../support/test-config.js';

/**
 * The compiled server with its stdout a pipe this process closes: every log line after that meets
 * a dead pipe (EPIPE, or EAGAIN while the kernel still holds what was written). A log line must
 * never hold up the process, so SIGTERM still ends it within the forced-exit bound.
 */
describe('the server process with a closed log pipe', () => {
  let build: ReturnType<typeof compileServer>;
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    build = compileServer();
    database = await openTestDatabase();
  }, 120_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await database?.close();
    build?.remove();
  });

  it('when its stdout pipe is closed by the reader and it then gets SIGTERM, then it still exits', async () => {
    const port = await freePort();
    server = startServerProcess(build.main, testEnv({ MONGODB_URI: database.uri, LOG_LEVEL: 'debug' }), port);
    await server.ready();
    // The reader goes away: the pipe's read end is closed, and every later write to it fails.
    server.child.stdout?.destroy();
    // A few requests so that log lines are written into the dead pipe before the signal.
    for (let i = 0; i < 5; i++) await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    // Exited on its own (0, or 1 from the forced exit), not killed by the afterAll's SIGKILL.
    expect(exit.signal).toBeNull();
    expect([0, 1]).toContain(exit.code);
  }, 60_000);
});
