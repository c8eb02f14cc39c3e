import type { Server } from 'node:http';
import express from 'express';
import { render } from 'preact-render-to-string';
import { createMongoAuditLog } from '../../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoApiTokens } from '../../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoReportSource } from '../../../src/adapters/mongo/mongo-report-source.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import type { StaffMember } from '../../../src/app/ports/staff-directory.js';
import { dashboardReport, type DashboardDeps } from '../../../src/app/reports/dashboard-report.js';
import type { WeeklySummary } from '../../../src/domain/analytics/weekly-summary.js';
import { weeklySummaryText } from '../../../src/app/reports/weekly-report.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { DashboardPage } from '../../../src/http/pages/dashboard-page.js';
import { percent } from '../../../src/http/pages/percent.js';
import { reportsApi, type ReportsApiDeps } from '../../../src/http/reports-api.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { caseSeeder, type CaseSeeder } from './seed-cases.js';

/** 2026-W27 in London (29 June to 5 July, summer time), the 4 weeks before it and the months back to May, counted by hand. */
describe('the dashboard against the weekly report API', () => {
  let database: TestDatabase;
  let server: Server;
  let seed: CaseSeeder;
  let deps: DashboardDeps;
  let apiDeps: ReportsApiDeps;
  let staff: Record<'alice' | 'bob' | 'chloe' | 'maya', StaffMember>;
  let managerToken = '';
  let aliceLapsedReference = '';
  const now = new Date('2026-07-06T08:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureIndexes(database.db);
    seed = caseSeeder(database.db);
    const [alice, bob, chloe, maya] = await Promise.all([
      seed.addStaff('Alice Adams', 'worker'), seed.addStaff('Bob Brown', 'worker'), seed.addStaff('Chloe Clark', 'worker'), seed.addStaff('Maya Manager', 'manager'),
    ]) as [StaffMember, StaffMember, StaffMember, StaffMember];
    staff = { alice, bob, chloe, maya };
    const one = async (worker: StaffMember, fields: Parameters<CaseSeeder['assess']>[1]) => {
      const enrolment = await seed.enrol(worker, '2026-04-01T09:00:00Z');
      await seed.assess(enrolment, fields);
      return enrolment;
    };
    // W27: Alice 2 of 3 (one lapsed), Bob 2 of 2 (one a discharge), Chloe 0 of 1 (closed, not yet marked lapsed).
    await one(alice, { status: 'completed', closesAt: '2026-07-01T12:00:00Z', completedAt: '2026-06-30T12:00:00Z' });
    await one(alice, { status: 'completed', closesAt: '2026-07-02T12:00:00Z', completedAt: '2026-07-01T12:00:00Z' });
    aliceLapsedReference = (await one(alice, { status: 'lapsed', closesAt: '2026-07-03T12:00:00Z' })).reference;
    await one(bob, { status: 'completed', closesAt: '2026-07-02T12:00:00Z', completedAt: '2026-07-02T10:00:00Z' });
    await one(bob, { kind: 'discharge', status: 'completed', closesAt: '2026-07-03T12:00:00Z', completedAt: '2026-07-03T10:00:00Z' });
    const chloes = await one(chloe, { status: 'open', closesAt: '2026-07-04T12:00:00Z' });
    await seed.alert(chloes, '2026-07-02T09:00:00Z');
    // W26 (June): Alice 1 of 2, Bob 0 of 1. May: Alice 1 of 1.
    await one(alice, { status: 'completed', closesAt: '2026-06-24T12:00:00Z', completedAt: '2026-06-23T12:00:00Z' });
    await one(alice, { status: 'lapsed', closesAt: '2026-06-25T12:00:00Z' });
    await one(bob, { status: 'lapsed', closesAt: '2026-06-24T12:00:00Z' });
    await one(alice, { status: 'completed', closesAt: '2026-05-10T12:00:00Z', completedAt: '2026-05-09T12:00:00Z' });
    // W20: Chloe 1 of 1, so her 4-week rate falls from 100% (W20-W23) to 0% (W24-W27).
    await one(chloe, { status: 'completed', closesAt: '2026-05-13T12:00:00Z', completedAt: '2026-05-12T12:00:00Z' });
    // Baselines: Alice's on 1 July (W27), Bob's on 10 June.
    await one(alice, { kind: 'baseline', status: 'completed', closesAt: '2026-07-04T12:00:00Z', completedAt: '2026-07-01T09:00:00Z' });
    await one(bob, { kind: 'baseline', status: 'completed', closesAt: '2026-06-12T12:00:00Z', completedAt: '2026-06-10T09:00:00Z' });
    const tokens = createMongoApiTokens(database.db);
    managerToken = await tokens.issue(maya.id, new Date()); // tokens keep real time
    const org = { name: 'Test Trust', timezone: 'Europe/London' };
    const source = createMongoReportSource(database.db);
    deps = { source, staff: seed.staff, org, alerts: seed.cases };
    apiDeps = { adminToken: 'admin-token-for-the-dashboard-test', tokens, staff: seed.staff, audit: createMongoAuditLog(database.db), source, clock: { now: () => now }, org };
    const app = express();
    app.use('/api', reportsApi(apiDeps));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, () => resolve(listening));
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const manager = () => ({ id: staff.maya.id, name: staff.maya.name, role: 'manager' as const });
  const page = async (viewer: { id: string; name: string; role: StaffMember['role'] }) => {
    const report = await dashboardReport(deps, '2026-W27', { viewer });
    return { report, html: render(DashboardPage({ orgName: 'Test Trust', viewer, csrf: 'x', report, weekChoices: ['2026-W27'], teams: [], now })) };
  };
  const cells = (html: string, workerId: string) =>
    [...(new RegExp(`<tr data-worker="${workerId}">(.*?)</tr>`).exec(html)?.[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

  it('when the dashboard and GET /api/reports/weekly show the same week, then the summary and every worker row agree', async () => {
    const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/api/reports/weekly?week=2026-W27`, { headers: { authorization: `Bearer ${managerToken}` } });
    const api = ((await response.json()) as { summary: WeeklySummary }).summary;
    const { report, html } = await page(manager());
    expect(JSON.parse(JSON.stringify(report.figures.summary))).toEqual(api);
    expect(api.perWorker.length).toBe(3);
    for (const worker of api.perWorker) {
      expect(cells(html, worker.workerId).slice(0, 5)).toEqual([worker.name, String(worker.due), String(worker.completed), percent(worker.rate), percent(worker.previousRate)]);
    }
    expect(html).toContain(`<dd>${percent(api.followUpRate)}</dd>`);
  });

  it('when a manager looks at W27, then the figures are the hand count, the lowest rate first', async () => {
    const { report, html } = await page(manager());
    const { figures } = report;
    expect(figures.workers.map((w) => [w.name, w.due, w.completed, w.lapsed, w.baselines, w.openAlerts])).toEqual([
      ['Chloe Clark', 1, 0, 0, 0, 1], ['Alice Adams', 3, 2, 1, 1, 0], ['Bob Brown', 2, 2, 0, 0, 0],
    ]);
    expect(figures.weeks.map((w) => [w.due, w.completed, w.lapsed, w.stillOpen])).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [3, 1, 2, 0], [6, 4, 1, 1]]);
    expect(report.weeks).toEqual(['2026-W23', '2026-W24', '2026-W25', '2026-W26', '2026-W27']);
    expect(figures.months.slice(-3).map((m) => [m.label, m.baselines, m.due, m.completed])).toEqual([['2026-05', 0, 2, 2], ['2026-06', 1, 3, 1], ['2026-07', 1, 6, 4]]);
    expect(figures.funnel).toMatchObject({ baselineCompleted: 1, followUpDue: 6, followUpCompleted: 4, lapsed: 1 });
    expect(report.lapsedThisWeek).toEqual([{ reference: aliceLapsedReference, workerId: staff.alice.id }]);
    expect(report.openAlerts).toHaveLength(1);
    expect(html).toContain(`href="/caseload?worker=${staff.alice.id}"`);
  });

  it('when a worker looks, then they see their own caseload only and no caseload links', async () => {
    const { report, html } = await page({ id: staff.alice.id, name: staff.alice.name, role: 'worker' });
    expect(report.figures.workers.map((w) => [w.name, w.due, w.completed])).toEqual([['Alice Adams', 3, 2]]);
    expect(report.figures.summary.followUpsDue).toBe(3);
    expect(report.openAlerts).toEqual([]);
    expect(html).not.toContain('Chloe');
    expect(html).not.toContain('/caseload?worker=');
  });

  it('when the Monday text is composed for W27, then Chloe is named with her 4-week fall and nobody else', async () => {
    const text = await weeklySummaryText({ ...deps, publicBaseUrl: 'https://promptly.example.org' }, '2026-W27');
    expect(text.split('\n').filter((line) => /4-wk|lapsed this week/.test(line))).toEqual(['Chloe: 4-wk rate 100% -> 0%']);
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
  });

  it('when a programme is chosen, then only its timepoints count', async () => {
    const wellbeing = await dashboardReport(deps, '2026-W27', { viewer: manager(), programmeId: 'wellbeing' });
    expect([wellbeing.figures.summary.followUpsDue, wellbeing.figures.summary.followUpsCompleted, wellbeing.openAlerts.length]).toEqual([6, 4, 1]);
    const other = await dashboardReport(deps, '2026-W27', { viewer: manager(), programmeId: 'another-programme' });
    expect([other.figures.summary.followUpsDue, other.figures.months.reduce((n, m) => n + m.due, 0), other.openAlerts.length, other.lapsedThisWeek.length]).toEqual([0, 0, 0, 0]);
  });

  it('when an analyst looks, then the aggregates show and nobody is named by reference', async () => {
    const { html } = await page({ id: 'analyst', name: 'Ana Lyst', role: 'analyst' });
    expect(html).not.toContain(aliceLapsedReference);
    expect(html).toContain('1 lapsed.');
  });
});
