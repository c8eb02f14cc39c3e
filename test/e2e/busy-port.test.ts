import net from 'node:net';
import { spawnScript, type ScriptProcess } from '../support/spawn-script.js';
import { testEnv } from '../support/test-config.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let blocker: net.Server;
let busyPort: number;
const started: ScriptProcess[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  // Another program on the port, on every interface: it is in the way whatever address we bind.
  blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, resolve));
  busyPort = (blocker.address() as net.AddressInfo).port;
});
afterEach(() => {
  // A process that got the port after all would otherwise outlive the test.
  for (const process of started.splice(0)) if (process.child.exitCode === null) process.child.kill('SIGKILL');
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  await database.close();
});

function run(script: string, env: NodeJS.ProcessEnv): ScriptProcess {
  const process = spawnScript(script, [], { env });
  started.push(process);
  return process;
}

describe('a port another program is using', () => {
  it('when `npm start` finds its port taken, then it says so in one line with how to choose another, and exits 1', async () => {
    const result = await run('src/main.ts', testEnv({ MONGODB_URI: database.uri, PORT: String(busyPort), LOG_LEVEL: 'info' })).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`promptly: port ${busyPort} is already in use by another program; stop it, or choose another port, e.g. PORT=${busyPort + 1} npm start\n`);
    // What it logged on the way is ordinary JSON lines; not one error or stack trace.
    const logs = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(result.stdout).not.toContain('"stack"');
  });

  it('when `npm run demo` finds its port taken, then it says so in one line with how to choose another, and exits 1', async () => {
    const result = await run('scripts/demo.ts', { MONGODB_URI: database.uri, PORT: String(busyPort), LOG_LEVEL: 'info' }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`promptly demo: port ${busyPort} is already in use by another program; stop it, or choose another port, e.g. PORT=${busyPort + 1} npm run demo\n`);
    expect(result.stdout).not.toMatch(/"level":(50|60)|"stack"/);
  });
});
