import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import { MongoClient } from 'mongodb';
import { createMongoApiTokens } from '../../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoAuditLog } from '../../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoAuditTrail } from '../../../src/adapters/mongo/mongo-audit-trail.js';
import { createMongoStaffDirectory } from '../../../src/adapters/mongo/mongo-staff-directory.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import { migrateAuditLog } from '../../../src/adapters/mongo/migrate-audit-log.js';
import type { StaffRole } from '../../../src/app/ports/staff-directory.js';
import { auditApi } from '../../../src/http/audit-api.js';
import { countCommands } from '../../support/count-commands.js';
import { spawnScript } from '../../support/spawn-script.js';
import { testEnv } from '../../support/test-config.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrateAuditLog(database.db);
  await ensureIndexes(database.db);
});
afterAll(async () => database.close());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));
const cli = (...args: string[]) => spawnScript('scripts/cli.ts', ['audit', ...args], { env: testEnv({ MONGODB_URI: database.uri }) }).exited;
const log = () => database.db.collection<{ _id: number; entryId: string; actor: string; hash: string; prevHash: string; at: Date } & Record<string, unknown>>('auditLog');

describe('the audit chain', () => {
  it('when three processes record and seal at once, then the entries form one chain, each once, and a replayed entry is not added again', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => new MongoClient(database.uri).connect()));
    try {
      const processes = clients.map((client) => ({ audit: createMongoAuditLog(client.db(database.db.databaseName)), trail: createMongoAuditTrail(client.db(database.db.databaseName)) }));
      const ids = Array.from({ length: 60 }, (_, n) => `turn-${n}/a0`);
      await Promise.all(processes.map(async ({ audit, trail }, p) => {
        for (let n = p; n < ids.length; n += 3) {
          await audit.record({ id: ids[n], actor: 'bot', action: 'alert.open', subject: `SU-${n}`, at: at(n % 7), details: { item: n } });
          if (n % 9 === 0) await trail.seal();
        }
        await trail.seal();
      }));
      // A turn replayed after its entry was sealed records the same id again.
      await processes[0]!.audit.record({ id: ids[5], actor: 'bot', action: 'alert.open', subject: 'SU-5', at: at(5), details: { item: 5 } });
      await Promise.all(processes.map(({ trail }) => trail.seal()));

      const chain = await log().find({}).sort({ _id: 1 }).toArray();
      expect(chain.map((entry) => entry._id)).toEqual(ids.map((_, n) => n + 1));
      expect(chain.map((entry) => entry.entryId).sort()).toEqual([...ids].sort());
      expect(await database.db.collection('auditInbox').countDocuments()).toBe(0);
      expect(await processes[1]!.trail.verify()).toEqual({ intact: true, entries: 60 });
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });

  it('when an entry is recorded, then it costs one insert (the hot path pays nothing for the chain), and sealing five costs eight commands, the next one four', async () => {
    const client = await new MongoClient(database.uri, { monitorCommands: true }).connect();
    const counter = countCommands(client, { settleMs: 100 });
    try {
      const audit = createMongoAuditLog(client.db(database.db.databaseName));
      const count = await counter.count(() => audit.record({ id: `hot/${randomUUID()}`, actor: 'bot', action: 'consent.yes', subject: 'SU-1', at: at(1) }));
      expect(count.trace).toEqual(['auditInbox insert']);
      // A sealer alone: the inbox read, the last entry, one insert per entry, the inbox cleared.
      for (let n = 0; n < 4; n++) await audit.record({ id: `hot/more-${n}`, actor: 'bot', action: 'consent.yes', subject: 'SU-hot', at: at(1) });
      const trail = createMongoAuditTrail(client.db(database.db.databaseName));
      const sealing = await counter.count(async () => void (await trail.seal()));
      expect(sealing.trace).toEqual(['auditInbox find', 'auditLog find', ...Array(5).fill('auditLog insert'), 'auditInbox delete {_id}']);
      // The next time it knows the last entry: checked by _id, not sorted for.
      await audit.record({ id: 'hot/last', actor: 'bot', action: 'consent.yes', subject: 'SU-hot', at: at(1) });
      expect((await counter.count(async () => void (await trail.seal()))).trace).toEqual(['auditInbox find', 'auditLog find {_id}', 'auditLog insert', 'auditInbox delete {_id}']);
    } finally {
      counter.close();
      await client.close();
    }
  });

  it('when an entry is changed, deleted or two are swapped in the database, then audit verify names the first broken link', async () => {
    const trail = createMongoAuditTrail(database.db);
    await trail.seal();
    const intact = await cli('verify');
    expect(intact).toMatchObject({ code: 0, stdout: `chain intact: ${await log().countDocuments()} entries\n` });

    const third = (await log().findOne({ _id: 3 }))!;
    await log().updateOne({ _id: 3 }, { $set: { actor: 'someone-else' } });
    const changed = await cli('verify', '--json');
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toEqual({ intact: false, entries: 2, broken: { seq: 3, entryId: third.entryId, problem: 'its contents no longer match its hash' } });
    await log().replaceOne({ _id: 3 }, third);
    expect(await trail.verify()).toMatchObject({ intact: true });

    const seventh = (await log().findOne({ _id: 7 }))!;
    await log().deleteOne({ _id: 7 });
    const deleted = await cli('verify');
    expect(deleted.code).toBe(1);
    const eighth = (await log().findOne({ _id: 8 }))!;
    expect(deleted.stdout).toBe(`chain broken at entry 8 (id ${eighth.entryId}): expected entry 7 next, found 8: entries are missing or moved; 6 entries before it hold\n`);
    await log().insertOne(seventh);

    // Reordered: entries 10 and 11 change places (each keeps its own hash and link).
    const [tenth, eleventh] = [(await log().findOne({ _id: 10 }))!, (await log().findOne({ _id: 11 }))!];
    await log().deleteMany({ _id: { $in: [10, 11] } });
    await log().insertMany([{ ...eleventh, _id: 10 }, { ...tenth, _id: 11 }]);
    expect(await trail.verify()).toEqual({ intact: false, entries: 9, broken: { seq: 10, entryId: eleventh.entryId, problem: 'its previous-hash is not the hash of the entry before it' } });
    await log().deleteMany({ _id: { $in: [10, 11] } });
    await log().insertMany([tenth, eleventh]);
    expect(await trail.verify()).toMatchObject({ intact: true });
  }, 60_000);

  it('when audit list is filtered by subject and actor with --json, then only those entries come back, in chain order', async () => {
    const listed = await cli('list', '--subject', 'SU-4', '--json');
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ seq: expect.any(Number), entryId: 'turn-4/a0', actor: 'bot', action: 'alert.open', subject: 'SU-4', details: { item: 4 } })]);
    const text = await cli('list', '--actor', 'bot', '--from', '2026-11-02T09:06:00Z', '--limit', '3');
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(text.stdout).toMatch(/^\d+\t2026-11-02T09:06:00\.000Z\tbot\talert\.open\tSU-\d+ \{"item":\d+\}\n/);
    expect(await cli('list', '--from', 'yesterday')).toMatchObject({ code: 1, stderr: expect.stringContaining('--from') });
  }, 60_000);
});

describe('GET /api/audit', () => {
  let server: Server;
  const tokens = {} as Record<StaffRole, string>;
  const url = (query: string) => `http://127.0.0.1:${(server.address() as { port: number }).port}/api/audit${query}`;
  const get = async (query: string, token: string) => {
    const response = await fetch(url(query), { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { entries: Array<{ seq: number; subject?: string }>; next: number | null } };
  };

  beforeAll(async () => {
    const staff = createMongoStaffDirectory(database.db);
    const apiTokens = createMongoApiTokens(database.db);
    for (const role of ['worker', 'manager', 'admin', 'analyst'] as const) {
      const id = randomUUID();
      await staff.add({ id, name: `The ${role}`, role, team: 'main', phoneHash: `hash-${role}`, phoneEnc: 'enc', createdAt: at(0) });
      tokens[role] = await apiTokens.issue(id, new Date()); // tokens keep real time
    }
    const app = express();
    app.use('/api', auditApi({ adminToken: 'admin-token-for-the-audit-test', tokens: apiTokens, staff, trail: createMongoAuditTrail(database.db), audit: createMongoAuditLog(database.db), clock: { now: () => at(30) } }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, () => resolve(listening));
    });
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  it('when an admin pages through one subject, then each page holds the limit and the next page starts after it', async () => {
    const first = await get('?subject=SU-1&limit=1', tokens.admin);
    expect(first.status).toBe(200);
    expect(first.body.entries).toEqual([expect.objectContaining({ subject: 'SU-1', entryId: 'turn-1/a0' })]);
    expect(first.body.next).toBe(first.body.entries[0]!.seq);
    const second = await get(`?subject=SU-1&limit=1&after=${first.body.next}`, tokens.admin);
    expect(second.body.entries.map((entry) => entry.subject)).toEqual(['SU-1']); // the hot-path test's entry
    const last = await get(`?subject=SU-1&limit=1&after=${second.body.next}`, tokens.admin);
    expect(last.body).toEqual({ entries: [], next: null });
    const byAdminToken = await get('?actor=admin-api&limit=500', 'admin-token-for-the-audit-test');
    expect(byAdminToken.status).toBe(200);
  });

  it('when a worker, manager or analyst asks, then it answers 404; a malformed query answers 400', async () => {
    for (const role of ['worker', 'manager', 'analyst'] as const) expect((await get('', tokens[role])).status).toBe(404);
    const bad = await fetch(url('?limit=0&from=soon'), { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: string[] }).problems).toEqual([expect.stringMatching(/^from: /), expect.stringMatching(/^limit: /)]);
  });

  it('when an admin reads the log, then that reading is an entry too', async () => {
    const reads = await get('?action=x', tokens.admin);
    expect(reads.status).toBe(400); // unknown parameters are refused, not ignored
    const mine = await get(`?actor=${encodeURIComponent((await createMongoStaffDirectory(database.db).list()).find((m) => m.role === 'admin')!.id)}`, tokens.admin);
    expect(mine.body.entries.length).toBeGreaterThan(0);
    expect(mine.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'audit.list', details: expect.objectContaining({ returned: expect.any(Number) }) })]));
  });
});

describe('entries from before the chain', () => {
  it('when a database has unchained entries, then they are sealed into the chain once and the old collection is kept as it was', async () => {
    const old = await openTestDatabase();
    try {
      const legacy = [
        { _id: 'turn-x/a0', actor: 'bot', action: 'alert.open', subject: 'SU-0007', at: at(2) },
        { _id: 'c2b4e0c4-old', actor: 'staff-1', action: 'staff.add', subject: 'staff-2', at: at(1), details: { name: 'Sam' } },
      ];
      await old.db.collection<{ _id: string }>('auditLog').insertMany(legacy);
      expect(await migrateAuditLog(old.db)).toEqual({ copied: 2 });
      expect(await migrateAuditLog(old.db)).toBeNull();
      await ensureIndexes(old.db);
      const trail = createMongoAuditTrail(old.db);
      expect(await trail.verify()).toEqual({ intact: true, entries: 2 });
      expect((await trail.list({ limit: 10 })).map((entry) => [entry.seq, entry.entryId])).toEqual([[1, 'c2b4e0c4-old'], [2, 'turn-x/a0']]);
      expect(await old.db.collection('auditLogUnchained').find({}).sort({ _id: 1 }).toArray()).toEqual([...legacy].sort((a, b) => a._id.localeCompare(b._id)));
    } finally {
      await old.close();
    }
  });
});

describe('append only', () => {
  it('when the source is searched, then nothing but the sealer writes to auditLog and nothing updates or deletes it', () => {
    const files = sourceFiles(path.resolve(__dirname, '../../../src'));
    const writers = files.filter((file) => /collection(<[^>]*>)?\(['"`]auditLog['"`]/.test(readFileSync(file, 'utf8')));
    expect(writers.map((file) => path.basename(file)).sort()).toEqual(['migrate-audit-log.ts', 'mongo-audit-trail.ts']);
    // In those files the chain's collection is bound to `log` (the sealer) or `old` (the migration): only inserts, reads and a rename.
    const writes = /\b(?:log|old)\.(?:update\w*|replace\w*|delete\w*|findOneAnd\w+|bulkWrite|drop)\(/;
    for (const file of writers) expect({ file: path.basename(file), writes: writes.exec(readFileSync(file, 'utf8'))?.[0] ?? null }).toEqual({ file: path.basename(file), writes: null });
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}
