import type { Server } from 'node:http';
import express from 'express';
import { clearAuditLog, sealedAuditLog } from '../../support/sealed-audit-log.js';
import { createMongoAuditLog } from '../../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoApiTokens } from '../../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoReportSource } from '../../../src/adapters/mongo/mongo-report-source.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import type { StaffMember } from '../../../src/app/ports/staff-directory.js';
import { weeklySummaryText } from '../../../src/app/reports/weekly-report.js';
import { reportsApi, type ReportsApiDeps } from '../../../src/http/reports-api.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { caseSeeder, type CaseSeeder } from './seed-cases.js';

/**
 * ISO weeks 2026-W26 and W27 in London, on summer time: W27 runs from 23:00Z on Sunday 28 June to
 * 23:00Z on Sunday 5 July, so records either side of 23:00Z test the zone, not UTC dates.
 */
describe('the weekly report API over a hand-counted fortnight', () => {
  let database: TestDatabase;
  let server: Server;
  let seed: CaseSeeder;
  let deps: ReportsApiDeps;
  let now = new Date('2026-07-06T08:00:00Z'); // Monday 09:00 BST: W27 has just ended
  const tokens: Record<'alice' | 'maya' | 'admin', string> = { alice: '', maya: '', admin: 'admin-token-for-the-reports-test' };
  const staffIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureIndexes(database.db);
    seed = caseSeeder(database.db);
    const [alice, bob, chloe, maya] = await Promise.all([
      seed.addStaff('Alice Adams', 'worker'), seed.addStaff('Bob Brown', 'worker'), seed.addStaff('Chloe Clark', 'worker'), seed.addStaff('Maya Manager', 'manager'),
    ]) as [StaffMember, StaffMember, StaffMember, StaffMember];
    Object.assign(staffIds, { alice: alice.id, bob: bob.id, chloe: chloe.id });
    await seedFortnight(seed, alice, bob, chloe);
    const apiTokens = createMongoApiTokens(database.db);
    tokens.alice = await apiTokens.issue(alice.id, new Date());
    tokens.maya = await apiTokens.issue(maya.id, new Date());
    deps = {
      adminToken: tokens.admin, tokens: apiTokens, staff: seed.staff, audit: createMongoAuditLog(database.db), source: createMongoReportSource(database.db),
      clock: { now: () => now }, org: { name: 'Test Trust', timezone: 'Europe/London' },
    };
    const app = express();
    app.use('/api', reportsApi(deps));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, () => resolve(listening));
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const get = (query: string, token: string | null) =>
    fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/api/reports/weekly${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('when a manager asks for W27, then every number matches the hand count', async () => {
    const response = await get('?week=2026-W27', tokens.maya);
    expect(response.status).toBe(200);
    const alice = { workerId: staffIds.alice, name: 'Alice Adams', due: 3, completed: 2, late: 1, rate: 2 / 3, previousRate: 0.5 };
    const bob = { workerId: staffIds.bob, name: 'Bob Brown', due: 2, completed: 2, late: 0, rate: 1, previousRate: 0 };
    const chloe = { workerId: staffIds.chloe, name: 'Chloe Clark', due: 1, completed: 0, late: 0, rate: 0, previousRate: 1 };
    expect(await response.json()).toEqual({
      week: '2026-W27',
      previousWeek: '2026-W26',
      timeZone: 'Europe/London',
      start: '2026-06-28T23:00:00.000Z',
      end: '2026-07-05T23:00:00.000Z',
      complete: true,
      summary: {
        enrolments: 2, // Alice's on Monday morning and Bob's at 00:30 BST Monday; Chloe's at 23:30 BST Sunday is W26
        baselinesCompleted: 2, // likewise 00:45 BST Monday counts, 23:45 BST Sunday does not
        followUpsDue: 6, // Alice 3, Bob 2 (one closing 00:30 BST Monday, one discharge), Chloe 1; cancelled and W28 left out
        followUpsCompleted: 4,
        followUpsLate: 1, // Alice's second, answered after its window closed
        followUpRate: 4 / 6,
        previousFollowUpRate: 0.5, // W26: Alice 1 of 2, Bob 0 of 1, Chloe 1 of 1 (closing 23:30 BST Sunday)
        perWorker: [alice, bob, chloe],
        best: bob,
        lowest: chloe,
        lapses: 1,
        openAlerts: 1, // the other alert was acknowledged in W26
      },
    });
  });

  it('when the week is left out, then it is the last complete week in London, which changes at local midnight', async () => {
    const weekAt = async (instant: string) => {
      now = new Date(instant);
      return ((await (await get('', tokens.admin)).json()) as { week: string }).week;
    };
    expect(await weekAt('2026-07-05T22:30:00Z')).toBe('2026-W26'); // Sunday 23:30 BST
    expect(await weekAt('2026-07-05T23:30:00Z')).toBe('2026-W27'); // Monday 00:30 BST
    expect(await weekAt('2026-07-06T08:00:00Z')).toBe('2026-W27');
  });

  it('when the week asked for is still running, then the report says it is not complete', async () => {
    now = new Date('2026-07-01T12:00:00Z');
    const body = (await (await get('?week=2026-W27', tokens.admin)).json()) as { complete: boolean; summary: { followUpsDue: number } };
    expect(body.complete).toBe(false);
    now = new Date('2026-07-06T08:00:00Z');
  });

  it('when the week is written in lower case or with spaces, then it is read the same', async () => {
    const response = await get('?week=%202026-w27%20', tokens.maya);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { week: string }).week).toBe('2026-W27');
  });

  it('when nobody or a stranger asks, then 401; when a worker asks, then 403', async () => {
    expect((await get('?week=2026-W27', null)).status).toBe(401);
    expect((await get('?week=2026-W27', 'pt_not-a-token')).status).toBe(401);
    const worker = await get('?week=2026-W27', tokens.alice);
    expect(worker.status).toBe(403);
    expect(await worker.json()).toEqual({ error: 'weekly reports are for managers and admins' });
  });

  it('when a manager asks for a week, then the request is an audit entry naming them and the week; a refused one is not', async () => {
    await clearAuditLog(database.db);
    expect((await get('?week=2026-W26', tokens.maya)).status).toBe(200);
    expect((await get('?week=2026-W26', tokens.alice)).status).toBe(403);
    const entries = await (await sealedAuditLog(database.db)).find({}).toArray();
    expect(entries).toEqual([expect.objectContaining({ actor: expect.any(String), action: 'report.weekly', details: { week: '2026-W26' } })]);
    expect(entries[0]!.actor).not.toBe(staffIds.alice);
  });

  it.each([['2026-W60'], ['2025-W53'], ['last%20week'], ['2026W27'], ['2026-W27&week=2026-W28']])(
    'when the week is %s, then 400 says how to write a week',
    async (week) => {
      const response = await get(`?week=${week}`, tokens.maya);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; problems: string[] };
      expect(body.error).toBe('invalid week');
      expect(body.problems.join(' ')).toMatch(/^week: .*ISO week such as 2026-W48/);
    },
  );

  it('when the scheduler asks for the managers\' text, then it carries the same numbers and the dashboard link', async () => {
    const text = await weeklySummaryText({ ...deps, publicBaseUrl: 'https://promptly.example.org/' }, '2026-W27');
    expect(text).toBe(
      'Test Trust summary, week of 29 Jun\n' +
        'Follow-ups: 4 of 6 done (67%)\n' +
        '1 done late\n' +
        'Week before: 50% (up 17 points)\n' +
        'Best: Bob Brown, 2 of 2 done\n' +
        'Lowest: Chloe Clark, 0 of 1 done\n' +
        'Enrolled: 2\n' +
        'Baselines done: 2\n' +
        'Lapsed: 1\n' +
        'Alerts not yet seen: 1\n' +
        'https://promptly.example.org/dashboard',
    );
  });

  it('when a worker has since left, then their week still counts under their name', async () => {
    await seed.staff.remove(staffIds.chloe as string, now);
    const body = (await (await get('?week=2026-W27', tokens.maya)).json()) as { summary: { followUpsDue: number; perWorker: Array<{ name: string; due: number }> } };
    expect(body.summary.followUpsDue).toBe(6);
    expect(body.summary.perWorker.map((worker) => [worker.name, worker.due])).toEqual([['Alice Adams', 3], ['Bob Brown', 2], ['Chloe Clark', 1]]);
  });
});

async function seedFortnight(seed: CaseSeeder, alice: StaffMember, bob: StaffMember, chloe: StaffMember): Promise<void> {
  const old = async (worker: StaffMember) => seed.enrol(worker, '2026-04-01T10:00:00Z');
  // W27's follow-up cohort, by the instant each window closes.
  await seed.assess(await old(alice), { status: 'completed', closesAt: '2026-07-01T19:00:00Z', completedAt: '2026-06-30T10:00:00Z' });
  await seed.assess(await old(alice), { status: 'completed', closesAt: '2026-07-02T19:00:00Z', completedAt: '2026-07-04T09:00:00Z', late: true });
  await seed.assess(await old(alice), { status: 'lapsed', closesAt: '2026-07-03T19:00:00Z' });
  await seed.assess(await old(bob), { status: 'completed', closesAt: '2026-06-28T23:30:00Z', completedAt: '2026-06-27T10:00:00Z' });
  await seed.assess(await old(bob), { kind: 'discharge', status: 'completed', closesAt: '2026-07-04T12:00:00Z', completedAt: '2026-07-03T12:00:00Z' });
  await seed.assess(await old(chloe), { status: 'open', closesAt: '2026-07-02T12:00:00Z' });
  await seed.assess(await old(chloe), { status: 'cancelled', closesAt: '2026-07-05T22:30:00Z' });
  // Closes 00:30 BST on the Monday after: W28, though it was completed inside W27.
  await seed.assess(await old(chloe), { status: 'completed', closesAt: '2026-07-05T23:30:00Z', completedAt: '2026-07-05T10:00:00Z' });
  // W26's cohort: 2 of 4.
  await seed.assess(await old(alice), { status: 'completed', closesAt: '2026-06-24T19:00:00Z', completedAt: '2026-06-24T08:00:00Z' });
  await seed.assess(await old(alice), { status: 'open', closesAt: '2026-06-26T19:00:00Z' });
  await seed.assess(await old(bob), { status: 'in-progress', closesAt: '2026-06-25T19:00:00Z' });
  await seed.assess(await old(chloe), { status: 'completed', closesAt: '2026-06-28T22:30:00Z', completedAt: '2026-06-28T20:00:00Z' });
  // W25: read by neither week.
  await seed.assess(await old(bob), { status: 'completed', closesAt: '2026-06-20T12:00:00Z', completedAt: '2026-06-19T12:00:00Z' });

  // New enrolments and their baselines, either side of local midnight at the start of W27.
  const aliceNew = await seed.enrol(alice, '2026-06-29T08:00:00Z');
  const bobNew = await seed.enrol(bob, '2026-06-28T23:30:00Z');
  const chloeNew = await seed.enrol(chloe, '2026-06-28T22:30:00Z');
  await seed.assess(aliceNew, { kind: 'baseline', status: 'completed', closesAt: '2026-07-13T12:00:00Z', completedAt: '2026-06-29T09:00:00Z' });
  await seed.assess(bobNew, { kind: 'baseline', status: 'completed', closesAt: '2026-07-12T12:00:00Z', completedAt: '2026-06-28T23:45:00Z' });
  await seed.assess(chloeNew, { kind: 'baseline', status: 'completed', closesAt: '2026-07-12T12:00:00Z', completedAt: '2026-06-28T22:45:00Z' });

  // One alert still open at the end of W27, one acknowledged in W26.
  await seed.alert(chloeNew, '2026-07-01T10:00:00Z');
  await seed.alert(await old(alice), '2026-06-24T10:00:00Z', '2026-06-25T10:00:00Z');
}
