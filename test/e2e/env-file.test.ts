import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/database/start-ferretdb';
import { spawnScript } from '../support/spawn-script.js';
import { testEnv } from '../support/test-config.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => (database = await openTestDatabase()));
afterAll(async () => database.close());

/** A folder holding a .env that completes any configuration, as a developer's own .env would. */
function folderWithEnv(values: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptly-env-'));
  writeFileSync(path.join(dir, '.env'), Object.entries(values).map(([key, value]) => `${key}=${value}\n`).join(''));
  return dir;
}

function completeEnv(mongodbUri: string): Record<string, string> {
  return {
    MONGODB_URI: mongodbUri,
    APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ADMIN_API_TOKEN: randomBytes(24).toString('hex'),
    ORG_NAME: 'Hostile Trust',
    ORG_TIMEZONE: 'Europe/Paris',
  };
}

describe('a .env in the working directory', () => {
  it('when the tests start the server where a .env would complete its configuration, then it still reports every missing variable', async () => {
    const hostile = folderWithEnv(completeEnv(database.uri));
    const result = await spawnScript('src/main.ts', [], { cwd: hostile, env: { MONGODB_URI: 'nonsense', ORG_TIMEZONE: 'Mars/Olympus' } }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^promptly: Invalid configuration \(5 problems\):/);
  });

  it('when the tests run the CLI where a .env names a working database, then it reads only the environment it was given', async () => {
    const hostile = folderWithEnv(completeEnv(database.uri));
    const result = await spawnScript('scripts/cli.ts', ['db:ping'], { cwd: hostile, env: {} }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^promptly: Invalid configuration \(4 problems\):/);
  });

  it('when PROMPTLY_ENV_FILE names a file, then that file is read and the working directory\'s .env is not', async () => {
    const closedPort = await freePort();
    const hostile = folderWithEnv(completeEnv(`mongodb://127.0.0.1:${closedPort}/hostile`));
    const chosen = path.join(folderWithEnv(completeEnv(database.uri)), '.env');
    const result = await spawnScript('scripts/cli.ts', ['db:ping'], { cwd: hostile, env: { PROMPTLY_ENV_FILE: chosen } }).exited;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`(database ${database.db.databaseName}) answered a ping`);
  });

  it('when PROMPTLY_ENV_FILE names a file that is not there, then the server exits 1 saying so, rather than running without it', async () => {
    const missing = path.join(os.tmpdir(), `promptly-no-such-${randomBytes(4).toString('hex')}.env`);
    const result = await spawnScript('src/main.ts', [], { env: { ...testEnv({ MONGODB_URI: database.uri }), PROMPTLY_ENV_FILE: missing } }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`promptly: Invalid configuration (1 problem):\n  - PROMPTLY_ENV_FILE: there is no file ${missing} (name an existing file, or none to read no file)\nSee .env.example for every variable with an example value.\n`);
  });

  it('when nobody names a file, then the .env in the working directory is read, as `npm start` and `npm run cli` do for people', async () => {
    const folder = folderWithEnv(completeEnv(database.uri));
    const result = await spawnScript('scripts/cli.ts', ['db:ping'], { cwd: folder, env: { PROMPTLY_ENV_FILE: undefined } }).exited;
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});
