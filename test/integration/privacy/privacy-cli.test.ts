import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnScript } from '../../support/spawn-script.js';
import { testEnv } from '../../support/test-config.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

let database: TestDatabase;
beforeAll(async () => (database = await openTestDatabase()));
afterAll(async () => database.close());

/** `npm run cli -- ...` as a process on this file's database, with no .env and no terminal. */
async function cli(...args: string[]) {
  return spawnScript('scripts/cli.ts', args, { env: testEnv({ MONGODB_URI: database.uri, RETENTION_MESSAGE_DAYS: '30' }) }).exited;
}

describe('the person and retention commands as processes', () => {
  it('when retention run --dry-run --json is run, then it prints what would go under the configured settings and changes nothing', async () => {
    const run = await cli('retention', 'run', '--dry-run', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ dryRun: true, messages: { blanked: 0, turns: 0 }, closedEnrolments: { erased: [] }, strangerMarkers: { deleted: 0 } });
    expect(Date.parse(report.at) - Date.parse(report.messages.before)).toBe(30 * 86_400_000);
    expect(await (await sealedAuditLog(database.db)).countDocuments()).toBe(0);
  }, 60_000);

  it('when person erase has no terminal and no --yes, or names nobody, then it refuses with exit 1 and says why', async () => {
    const unasked = await cli('person', 'erase', 'SU-0001');
    expect(unasked).toMatchObject({ code: 1, stdout: '', stderr: 'person erase: not a terminal: add --yes to erase without being asked\n' });
    const nobody = await cli('person', 'export', 'SU-0999', '--out', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'promptly-sar-')), 'x.json'), '--json');
    expect(nobody.code).toBe(1);
    expect(JSON.parse(nobody.stderr)).toEqual({ error: 'not-found', problems: ['no service-user SU-0999'] });
  }, 60_000);
});
