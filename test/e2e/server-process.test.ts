import { freePort } from '../../scripts/database/start-ferretdb';
import { spawnScript } from '../support/spawn-script.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testEnv } from '../support/test-config.js';

/** Runs src/main.ts as the real process would run, with exactly the given environment and no .env. */
function startServer(env: NodeJS.ProcessEnv) {
  const server = spawnScript('src/main.ts', [], { env });
  return { child: server.child, exited: server.exited, output: server.stdout };
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server process', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await openTestDatabase()));
  afterAll(async () => database.close());

  it('when the configuration is invalid, then it exits 1 with one message listing every problem and no stack trace', async () => {
    const { exited } = startServer({ MONGODB_URI: 'nonsense', ORG_TIMEZONE: 'Mars/Olympus' });
    const result = await exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^promptly: Invalid configuration \(5 problems\):/);
    for (const name of ['MONGODB_URI', 'APP_ENCRYPTION_KEY', 'ADMIN_API_TOKEN', 'ORG_NAME', 'ORG_TIMEZONE']) {
      expect(result.stderr).toContain(`  - ${name}: `);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('when the database is unreachable, then it exits 1 within about 10 s with a clear error', async () => {
    const closedPort = await freePort();
    const { exited } = startServer(testEnv({ MONGODB_URI: `mongodb://127.0.0.1:${closedPort}/promptly`, LOG_LEVEL: 'info' }));
    const result = await exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`promptly: Cannot reach MongoDB at mongodb://127.0.0.1:${closedPort}/promptly within 10 s`);
    expect(result.stderr).not.toMatch(/\n\s+at |UnhandledPromiseRejection/);
    expect(result.ms).toBeGreaterThanOrEqual(9_000);
    expect(result.ms).toBeLessThan(20_000);
  }, 30_000);

  it('when it receives SIGTERM, then it stops serving and exits 0 within 10 s, logging JSON (and warning that TIME_SCALE is on)', async () => {
    const port = await freePort();
    const { child, exited, output } = startServer(testEnv({ MONGODB_URI: database.uri, PORT: String(port), LOG_LEVEL: 'info', TIME_SCALE: '5040' }));
    await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      return response?.status === 200;
    }, 20_000);
    // No Twilio is not a demo: the simulator, which lets anyone act as anyone, is not served.
    expect((await fetch(`http://127.0.0.1:${port}/simulator`)).status).toBe(404);

    const signalled = Date.now();
    child.kill('SIGTERM');
    const result = await exited;
    expect(result.code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    const lines = output().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; level: number });
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining([
      'Twilio is not configured and the simulator is off: no text messages can be sent or received',
      'promptly is listening',
      "TIME_SCALE is on: the service's clock runs 5040 times faster than real time (demos and acceptance runs only)",
      'shutting down: no new requests, draining jobs',
      'shutdown complete',
    ]));
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 40_000);
});
