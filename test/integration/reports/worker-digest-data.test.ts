import { createMongoReportSource } from '../../../src/adapters/mongo/mongo-report-source.js';
import { createMongoNumberHealth } from '../../../src/adapters/mongo/mongo-number-health.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import type { StaffMember } from '../../../src/app/ports/staff-directory.js';
import { workerDigestData, type WorkerDigestDeps } from '../../../src/app/reports/worker-digest-data.js';
import { digestNews } from '../../../src/domain/analytics/digest-news.js';
import { workerDigest } from '../../../src/domain/analytics/worker-digest.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { caseSeeder } from './seed-cases.js';

/**
 * Wednesday 1 July 2026 in London (BST): lapses are looked for from 23:00Z on 23 June to 23:00Z on
 * 30 June (the 7 days before today), and the next 7 days run to 23:00Z on Tuesday 7 July.
 */
describe('gathering a worker\'s daily digest from the database', () => {
  const today = { year: 2026, month: 7, day: 1 };
  let database: TestDatabase;
  let deps: WorkerDigestDeps;
  let alice: StaffMember;
  let dan: StaffMember;
  const ref: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureIndexes(database.db);
    const seed = caseSeeder(database.db);
    alice = await seed.addStaff('Alice Adams', 'worker');
    const bob = await seed.addStaff('Bob Brown', 'worker');
    dan = await seed.addStaff('Dan Davies', 'worker');
    deps = { source: createMongoReportSource(database.db), cases: seed.cases, numbers: createMongoNumberHealth(database.db), org: { timezone: 'Europe/London' } };

    const person = async (name: string, worker: StaffMember) => {
      const enrolment = await seed.enrol(worker, '2026-04-01T10:00:00Z');
      ref[name] = enrolment.reference;
      return enrolment;
    };
    // Windows closing in the week before today (local), or either side of it.
    const lapsed = await person('lapsed', alice);
    await seed.assess(lapsed, { status: 'lapsed', closesAt: '2026-06-30T19:00:00Z' });
    await seed.assess(await person('notYetMarked', alice), { status: 'open', closesAt: '2026-06-30T22:30:00Z' }); // 23:30 BST Tuesday
    await seed.assess(await person('answered', alice), { status: 'completed', closesAt: '2026-06-30T12:00:00Z', completedAt: '2026-06-29T12:00:00Z' });
    await seed.assess(await person('dayBefore', alice), { status: 'lapsed', closesAt: '2026-06-29T22:30:00Z' }); // 23:30 BST Monday
    await seed.assess(await person('closesToday', alice), { status: 'open', closesAt: '2026-06-30T23:30:00Z' }); // 00:30 BST Wednesday
    await seed.assess(await person('eightDaysAgo', alice), { status: 'lapsed', closesAt: '2026-06-23T12:00:00Z' });
    const bobs = await person('bobs', bob);
    await seed.assess(bobs, { status: 'lapsed', closesAt: '2026-06-30T19:00:00Z' });
    // Follow-ups falling due from today to next Tuesday.
    await seed.assess(await person('dueToday', alice), { status: 'open', dueAt: '2026-07-01T08:00:00Z', closesAt: '2026-07-08T08:00:00Z' });
    const dueFriday = await person('dueFriday', alice);
    await seed.assess(dueFriday, { status: 'scheduled', dueAt: '2026-07-03T09:00:00Z', closesAt: '2026-07-10T09:00:00Z' });
    await seed.assess(dueFriday, { status: 'scheduled', dueAt: '2026-07-06T09:00:00Z', closesAt: '2026-07-13T09:00:00Z' }); // a second timepoint: listed once
    await seed.assess(await person('dueTuesdayNight', alice), { status: 'open', dueAt: '2026-07-07T22:30:00Z', closesAt: '2026-07-14T22:30:00Z' });
    await seed.assess(await person('dueNextWednesday', alice), { status: 'scheduled', dueAt: '2026-07-07T23:30:00Z', closesAt: '2026-07-14T23:30:00Z' });
    await seed.assess(await person('cancelled', alice), { status: 'cancelled', dueAt: '2026-07-02T09:00:00Z', closesAt: '2026-07-09T09:00:00Z' });
    await seed.assess(await person('baseline', alice), { kind: 'baseline', status: 'open', dueAt: '2026-07-02T09:00:00Z', closesAt: '2026-07-09T09:00:00Z' });
    await seed.assess(await person('doneEarly', alice), { status: 'completed', dueAt: '2026-07-02T09:00:00Z', closesAt: '2026-07-09T09:00:00Z', completedAt: '2026-06-30T09:00:00Z' });
    // Alerts: one open on Alice's caseload, one acknowledged, one on Bob's.
    await seed.alert(lapsed, '2026-06-20T10:00:00Z');
    await seed.alert(await person('acknowledged', alice), '2026-06-21T10:00:00Z', '2026-06-22T10:00:00Z');
    await seed.alert(bobs, '2026-06-30T10:00:00Z');
  });
  afterAll(async () => database.close());

  it('when Alice\'s day is gathered, then it has the week\'s missed windows, the follow-ups due within 7 days and her open alerts, by reference', async () => {
    const day = await workerDigestData(deps, { worker: alice, today });
    expect(day.lapsed.map((item) => item.reference).sort()).toEqual([ref.lapsed, ref.notYetMarked, ref.dayBefore].sort());
    expect(day.due.map(({ reference, dueAt, today: isToday }) => ({ reference, dueAt, today: isToday }))).toEqual(expect.arrayContaining([
      { reference: ref.dueToday, dueAt: new Date('2026-07-01T08:00:00Z'), today: true },
      { reference: ref.dueFriday, dueAt: new Date('2026-07-03T09:00:00Z'), today: false },
      { reference: ref.dueFriday, dueAt: new Date('2026-07-06T09:00:00Z'), today: false },
      { reference: ref.dueTuesdayNight, dueAt: new Date('2026-07-07T22:30:00Z'), today: false },
    ]));
    expect(day.due).toHaveLength(4);
    expect(day.openAlerts).toEqual([ref.lapsed]);
    // Keys name the timepoint for good: its enrolment and its instant.
    expect(new Set([...day.lapsed, ...day.due].map((item) => item.key)).size).toBe(7);
  });

  it('when the gathered day is put into words for the first time, then the text names those references and nothing else about them', async () => {
    const news = digestNews(await workerDigestData(deps, { worker: alice, today }), new Set(), { weekend: false });
    const text = workerDigest({ ...news, workerName: 'Alice Adams', orgName: 'Test Trust', timeZone: 'Europe/London' });
    const lapsed = [ref.lapsed, ref.notYetMarked, ref.dayBefore].sort().join(', ');
    expect(text).toBe(
      'Hi Alice Adams, your Test Trust update.\n' +
        `Open alerts: ${ref.lapsed}. Text ACK and the reference once dealt with.\n` +
        `Lapsed: ${lapsed}.\n` +
        `Due today: ${ref.dueToday}.\n` +
        `Due in the next 7 days: ${ref.dueFriday} Fri 3 Jul, ${ref.dueTuesdayNight} Tue 7 Jul.\n` +
        'Text STATUS for your full list.',
    );
  });

  it('when a worker has nothing lapsed, due or open, then there is no digest to send', async () => {
    const news = digestNews(await workerDigestData(deps, { worker: dan, today }), new Set(), { weekend: false });
    expect(workerDigest({ ...news, workerName: 'Dan Davies', orgName: 'Test Trust', timeZone: 'Europe/London' })).toBeNull();
  });
});
