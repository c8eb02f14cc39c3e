import type { Command } from 'commander';
import { createCli } from '../../../scripts/cli.js';
import { spawnScript } from '../../support/spawn-script.js';
import { testEnv } from '../../support/test-config.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => (database = await openTestDatabase()));
afterAll(async () => database.close());

/** `npm run cli -- ...` as a process on this file's database, with no .env. */
async function cli(...args: string[]) {
  return spawnScript('scripts/cli.ts', args, { env: testEnv({ MONGODB_URI: database.uri }) }).exited;
}

function leaves(command: Command, prefix = ''): Array<{ name: string; command: Command }> {
  const name = `${prefix}${command.name()}`;
  if (command.commands.length === 0) return [{ name, command }];
  return command.commands.flatMap((sub) => leaves(sub, prefix === '' && command.name() === 'promptly' ? '' : `${name} `));
}

describe('the CLI options', () => {
  it('when any command is given --json, then it takes it, as the README promises for every command', () => {
    const commands = leaves(createCli());
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter(({ command }) => !command.options.some((option) => option.long === '--json')).map(({ name }) => name)).toEqual([]);
  });

  it('when token issue, db:ping, db:indexes and measures are run with --json, then each prints JSON', async () => {
    const added = await cli('staff', 'add', '--name', 'Token Holder', '--phone', '07700 900555', '--role', 'worker', '--json');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const token = await cli('token', 'issue', 'Token Holder', '--json');
    expect(token).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(token.stdout)).toEqual({ staffId: JSON.parse(added.stdout).id, name: 'Token Holder', role: 'worker', token: expect.any(String), id: expect.any(String), expiresAt: expect.any(String) });
    expect(JSON.parse((await cli('db:ping', '--json')).stdout)).toMatchObject({ ok: true, database: database.db.databaseName, ms: expect.any(Number) });
    expect(JSON.parse((await cli('db:indexes', '--json')).stdout)).toMatchObject({ ok: true, indexes: expect.arrayContaining([expect.any(String)]) });
    const measures = JSON.parse((await cli('measures', 'list', '--json')).stdout) as { id: string }[];
    expect(measures.map((measure) => measure.id)).toContain('phq9');
  }, 60_000);

  it('when a command fails with --json, then the failure is JSON on stderr and it exits 1', async () => {
    const missing = await cli('token', 'issue', 'Nobody At All', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toEqual({ error: 'failed', problems: ['no current member of staff "Nobody At All"'] });
    const unscorable = await cli('measures', 'score', 'phq9', '1', '--json');
    expect(unscorable.code).toBe(1);
    expect(JSON.parse(unscorable.stderr)).toEqual({ error: 'invalid', problems: [expect.stringMatching(/^phq9 has 9 items/)] });
  }, 60_000);

  it('when --measure is given twice to programme add, then it is refused pointing to --measures, and nothing is added', async () => {
    const result = await cli('programme', 'add', '--name', 'Two measures', '--measure', 'phq9', '--measure', 'gad7', '--followups', '6w');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--measure was given twice ("phq9", then "gad7"): for several measures, list them once with --measures, e.g. --measures phq9,gad7.');
    expect(await database.db.collection('programmes').countDocuments()).toBe(0);
  });
});
