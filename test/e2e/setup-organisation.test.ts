import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { setupCommand } from '../../scripts/cli/setup.js';
import { freePort } from '../../scripts/database/start-ferretdb';
import { loadConfig } from '../../src/config.js';
import { spawnScript, type ScriptProcess } from '../support/spawn-script.js';

// These processes read and write the .env of their own temporary folder, as a newcomer's would.
const ownEnv = { PROMPTLY_ENV_FILE: undefined };
const running: ScriptProcess[] = [];

function newFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'promptly-org-'));
}

function cli(cwd: string, ...args: string[]) {
  return spawnScript('scripts/cli.ts', args, { cwd, env: ownEnv }).exited;
}

function envIn(dir: string): NodeJS.Dict<string> {
  return parseEnv(readFileSync(path.join(dir, '.env'), 'utf8'));
}

/** Stops a long-running process the way Ctrl-C would, so it stops what it started. */
async function interrupt(process: ScriptProcess) {
  process.child.kill('SIGINT');
  return process.exited;
}

afterEach(async () => {
  await Promise.all(running.splice(0).filter((process) => process.child.exitCode === null).map(interrupt));
});

describe('npm run setup', () => {
  it('when run with flags in a new folder, then .env holds new secrets, the organisation and the local database, for its owner only, and the server accepts it', async () => {
    const dir = newFolder();
    const result = await cli(dir, 'setup', '--org-name', "St Mary's Community Hub", '--timezone', 'Europe/Paris');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('npm run db:serve');
    const env = envIn(dir);
    expect(env).toMatchObject({ ORG_NAME: "St Mary's Community Hub", ORG_TIMEZONE: 'Europe/Paris', MONGODB_URI: 'mongodb://127.0.0.1:27017/promptly', PUBLIC_BASE_URL: '' });
    expect(Buffer.from(env.APP_ENCRYPTION_KEY ?? '', 'base64')).toHaveLength(32);
    expect(env.ADMIN_API_TOKEN).toMatch(/^[0-9a-f]{48}$/);
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(() => loadConfig({ ...env, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://promptly.example.org' })).not.toThrow();
    // Every variable of .env.example is there with its comment, for whoever edits it next.
    expect(readFileSync(path.join(dir, '.env'), 'utf8')).toContain('# Twilio credentials.');

    const other = newFolder();
    await cli(other, 'setup', '--org-name', 'Another Trust', '--json');
    expect(envIn(other).APP_ENCRYPTION_KEY).not.toBe(env.APP_ENCRYPTION_KEY);
    expect(envIn(other).ADMIN_API_TOKEN).not.toBe(env.ADMIN_API_TOKEN);
  }, 60_000);

  it('when .env exists, then setup refuses without --force and leaves it alone; with --force it rewrites it keeping its secrets and other values', async () => {
    const dir = newFolder();
    await cli(dir, 'setup', '--org-name', 'First Name Trust');
    const before = readFileSync(path.join(dir, '.env'), 'utf8');
    writeFileSync(path.join(dir, '.env'), `${before}SIGNPOSTING_TEXT=Call our helpline on 0800 000 0000 any time\nEXTRA_SETTING=kept\n`);
    const edited = readFileSync(path.join(dir, '.env'), 'utf8');

    const refused = await cli(dir, 'setup', '--org-name', 'Second Name Trust');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^setup: .*\.env already exists, and setup does not overwrite it: .* run setup again with --force/);
    expect(readFileSync(path.join(dir, '.env'), 'utf8')).toBe(edited);

    const forced = await cli(dir, 'setup', '--force', '--timezone', 'Europe/Dublin', '--json');
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(forced.stdout)).toMatchObject({ orgName: 'First Name Trust', timezone: 'Europe/Dublin', secrets: 'kept' });
    const old = parseEnv(edited);
    expect(envIn(dir)).toMatchObject({
      APP_ENCRYPTION_KEY: old.APP_ENCRYPTION_KEY, ADMIN_API_TOKEN: old.ADMIN_API_TOKEN, ORG_NAME: 'First Name Trust', ORG_TIMEZONE: 'Europe/Dublin',
      SIGNPOSTING_TEXT: 'Call our helpline on 0800 000 0000 any time', EXTRA_SETTING: 'kept',
    });
  }, 60_000);

  it('when run without a terminal and without --org-name, then every problem is listed and nothing is written', async () => {
    const dir = newFolder();
    const result = await cli(dir, 'setup', '--timezone', 'Mars/Olympus');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe([
      'setup: --org-name: is required (the organisation name used in messages); setup was not run in a terminal, so nothing was asked',
      'setup: --timezone: must be an IANA time zone such as Europe/London',
      '',
    ].join('\n'));
    expect(() => statSync(path.join(dir, '.env'))).toThrow();
  });

  it('when run in a terminal, then it asks for the name, time zone and database, offering the defaults', async () => {
    const file = path.join(newFolder(), 'promptly.env');
    const questions: string[] = [];
    const answers = ['Riverside Community Trust', '', ''];
    const output = { out: '', err: '', failed: false };
    await setupCommand({
      env: { PROMPTLY_ENV_FILE: file },
      ask: async (question) => (questions.push(question), answers.shift() ?? ''),
      out: (text) => void (output.out += text),
      err: (text) => void (output.err += text),
      fail: () => void (output.failed = true),
    }).exitOverride().parseAsync([], { from: 'user' });
    expect(output).toMatchObject({ err: '', failed: false });
    expect(questions).toEqual([
      'Organisation name, as service-users will read it: ',
      'Time zone [Europe/London]: ',
      'MongoDB URI [mongodb://127.0.0.1:27017/promptly, the local database of npm run db:serve]: ',
    ]);
    expect(parseEnv(readFileSync(file, 'utf8'))).toMatchObject({ ORG_NAME: 'Riverside Community Trust', ORG_TIMEZONE: 'Europe/London', MONGODB_URI: 'mongodb://127.0.0.1:27017/promptly' });
  });
});

describe('npm run db:serve', () => {
  it('from the demo to a real organisation: db:serve, setup, staff add and npm start work together on .env, and the data outlives a restart', async () => {
    const dir = newFolder();
    const dbPort = await freePort();
    const serve = () => {
      const process = spawnScript('scripts/cli.ts', ['db:serve', '--port', String(dbPort), '--json'], { cwd: dir, env: ownEnv });
      running.push(process);
      return process;
    };
    const database = serve();
    const [ready] = await database.waitForOutput(/^\{.*\}$/m, 120_000);
    const served = JSON.parse(ready) as { uri: string; kind: string; dataDir: string };
    expect(served).toEqual({ uri: `mongodb://127.0.0.1:${dbPort}/promptly`, kind: expect.stringMatching(/^(ferretdb|mongod)$/), dataDir: path.join(dir, 'local-database') });

    expect(await cli(dir, 'setup', '--org-name', 'Riverside Community Trust', '--mongodb-uri', served.uri)).toMatchObject({ code: 0 });
    const added = await cli(dir, 'staff', 'add', '--name', 'Jo Okafor', '--phone', '07700 900100', '--role', 'manager');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^added Jo Okafor \(manager, team main, /);

    const port = await freePort();
    const server = spawnScript('src/main.ts', [], { cwd: dir, env: { ...ownEnv, PORT: String(port) } });
    running.push(server);
    await waitUntilReady(port, server);
    const staff = await fetch(`http://127.0.0.1:${port}/api/staff`, { headers: { authorization: `Bearer ${envIn(dir).ADMIN_API_TOKEN}` } });
    expect(await staff.json()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Jo Okafor', role: 'manager' })]));
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    expect((await interrupt(database)).code).toBe(0);
    const again = serve();
    await again.waitForOutput(/^\{.*\}$/m, 120_000);
    const listed = await cli(dir, 'staff', 'list');
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stdout).toContain('Jo Okafor');
  }, 240_000);

  it('when its port is taken, then it says so in one line with how to choose another, and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await cli(newFolder(), 'db:serve', '--port', String(port));
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`promptly: port ${port} is already in use (a database already running? \`npm run cli -- db:ping\` checks the one .env names); ` +
        `choose another with --port ${port + 1}, and use mongodb://127.0.0.1:${port + 1}/promptly as MONGODB_URI\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

async function waitUntilReady(port: number, server: ScriptProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited: ${server.stderr()}`);
    const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`not ready within 60 s: ${server.stdout().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
