import { MongoClient } from 'mongodb';
import { createMongoDueWork } from '../../../src/adapters/mongo/mongo-due-work.js';
import { migrateAgendaJobs } from '../../../src/adapters/mongo/migrate-agenda-jobs.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import { createDueWorkScheduler } from '../../../src/app/scheduling/due-work-scheduler.js';
import { sweepDueWork, type SweepDeps } from '../../../src/app/scheduling/sweep-due-work.js';
import type { DueKind, DueWork } from '../../../src/app/ports/due-work.js';
import type { JobOutcome, JobScheduler } from '../../../src/app/ports/job-scheduler.js';
import { createLogger } from '../../../src/logger.js';
import { TestClock, waitFor } from '../../support/test-clock.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Tuesday 1 December 2026, 11:00 in London: inside the send window. */
const start = new Date('2026-12-01T11:00:00Z');
const minute = 60_000;

describe('due work: schedules as data, swept in batches', () => {
  let database: TestDatabase;
  let clock: TestClock;
  let due: DueWork;
  let jobs: JobScheduler;
  let calls: string[];
  const recurring: JobScheduler = { schedule: async () => {}, ensure: async () => {}, cancel: async () => {}, realign: async () => 0 };

  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureIndexes(database.db);
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await database.db.collection('dueItems').deleteMany({});
    await database.db.collection('dueClaims').deleteMany({});
    clock = new TestClock();
    clock.setTo(start);
    due = createMongoDueWork(database.db);
    jobs = createDueWorkScheduler({ due, recurring, clock, timezone: 'Europe/London', wake: () => {} });
    calls = [];
  });

  const sweepDeps = (overrides: Partial<SweepDeps> = {}): SweepDeps => {
    const record = (kind: DueKind) => async (subject: string): Promise<JobOutcome> => {
      calls.push(`${kind} ${subject}`);
      return { done: true };
    };
    return {
      due, clock, logger: createLogger('silent'), timezone: 'Europe/London', owner: 'one', leaseMs: 60_000, batchSize: 50, concurrency: 4,
      handlers: {
        'timepoint:open': record('timepoint:open'), 'timepoint:remind': record('timepoint:remind'), 'timepoint:lapse': record('timepoint:lapse'),
        'consent:remind': record('consent:remind'), 'consent:lapse': record('consent:lapse'), 'alert:escalate': record('alert:escalate'),
      },
      ...overrides,
    };
  };
  const sweepAll = async (deps: SweepDeps) => {
    while ((await sweepDueWork(deps)).claimed > 0);
  };

  it('when 300 invitations fall due at one instant, then each is acted on once and the due items are gone', async () => {
    for (let i = 0; i < 300; i++) await jobs.schedule('timepoint:open', `a${i}`, new Date(start.getTime() + minute));
    await sweepAll(sweepDeps());
    expect(calls).toHaveLength(0);
    clock.advance(minute);
    await sweepAll(sweepDeps());
    expect(calls).toHaveLength(300);
    expect(new Set(calls).size).toBe(300);
    expect(await database.db.collection('dueItems').countDocuments()).toBe(0);
    expect(await database.db.collection('dueClaims').countDocuments()).toBe(0);
  });

  it('when an item is scheduled again for later, or cancelled, then the earlier one is never acted on', async () => {
    await jobs.schedule('timepoint:remind', 'moved', new Date(start.getTime() + minute));
    await jobs.schedule('timepoint:remind', 'moved', new Date(start.getTime() + 60 * minute));
    await jobs.schedule('consent:remind', 'cancelled', new Date(start.getTime() + minute));
    await jobs.cancel('consent:remind', 'cancelled');
    clock.advance(2 * minute);
    await sweepAll(sweepDeps());
    expect(calls).toEqual([]);
    // The void items went with the batch that found them; the moved one waits for its hour.
    expect(await database.db.collection('dueItems').countDocuments()).toBe(1);
    clock.advance(60 * minute);
    await sweepAll(sweepDeps());
    expect(calls).toEqual(['timepoint:remind moved']);
  });

  it('when a handler says "not yet", then the item waits for that instant, and quiet hours move a text to 09:00', async () => {
    let asked = 0;
    const deps = sweepDeps({
      handlers: { ...sweepDeps().handlers, 'timepoint:open': async () => (++asked === 1 ? { deferUntil: new Date('2026-12-01T22:00:00Z') } : { done: true }) },
    });
    await jobs.schedule('timepoint:open', 'late', start);
    await sweepAll(deps);
    const [waiting] = await database.db.collection('dueItems').find().toArray();
    expect((waiting?.dueAt as Date).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    await jobs.schedule('consent:remind', 'night', new Date('2026-12-01T21:30:00Z'));
    const night = await database.db.collection('dueItems').findOne({ subject: 'night' });
    expect((night?.dueAt as Date).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    clock.setTo(new Date('2026-12-02T09:00:01Z'));
    await sweepAll(deps);
    expect(asked).toBe(2);
    expect(calls).toEqual(['consent:remind night']);
  });

  it('when two processes on their own connections sweep the same 400 due items at once, then each is acted on once and both do some', async () => {
    for (let i = 0; i < 400; i++) await jobs.schedule('timepoint:open', `b${i}`, start);
    const other = await new MongoClient(database.uri).connect();
    try {
      const byOwner: Record<string, number> = { one: 0, two: 0 };
      const slow = (owner: string) => async (subject: string): Promise<JobOutcome> => {
        calls.push(subject);
        byOwner[owner] = (byOwner[owner] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { done: true };
      };
      const handlersFor = (owner: string) => ({ ...sweepDeps().handlers, 'timepoint:open': slow(owner) });
      await Promise.all([
        sweepAll(sweepDeps({ owner: 'one', handlers: handlersFor('one') })),
        sweepAll(sweepDeps({ owner: 'two', due: createMongoDueWork(other.db(database.db.databaseName)), handlers: handlersFor('two') })),
      ]);
      // One may find the other's claims and stop before the end: a last round picks up the rest.
      await sweepAll(sweepDeps({ owner: 'one', handlers: handlersFor('one') }));
      expect(calls).toHaveLength(400);
      expect(new Set(calls).size).toBe(400);
      expect(byOwner.one).toBeGreaterThan(0);
      expect(byOwner.two).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('when a sweep dies part-way through its batch, then the next one finishes it after the lease, acting on each item left once', async () => {
    for (let i = 0; i < 20; i++) await jobs.schedule('alert:escalate', `c${i}`, start);
    let finishedBeforeDeath = 0;
    const dying = sweepDeps({
      owner: 'dies', leaseMs: 300, concurrency: 1,
      handlers: { ...sweepDeps().handlers, 'alert:escalate': async (subject) => {
        if (finishedBeforeDeath >= 5) return new Promise<never>(() => {}); // the process stops here, for ever
        finishedBeforeDeath++;
        calls.push(`alert:escalate ${subject}`);
        return { done: true };
      } },
    });
    void sweepDueWork(dying);
    await waitFor(() => finishedBeforeDeath === 5, 10_000, 'the dying sweep acting on five items');
    // Within the lease, nothing is taken over.
    expect((await sweepDueWork(sweepDeps({ owner: 'next' }))).claimed).toBe(0);
    // The lease is real time: wait until every claim of the dead sweep has run out.
    await waitFor(async () => (await database.db.collection('dueClaims').find({ owner: 'dies' }).toArray()).every((claim) => (claim.expiresAt as Date).getTime() < Date.now()), 10_000, 'the dead sweep\'s lease running out');
    await sweepAll(sweepDeps({ owner: 'next' }));
    // The five it acted on were never marked finished, so they run again: the handlers are what
    // make that harmless (they re-read and find the work done); none of the rest runs twice.
    expect(new Set(calls).size).toBe(20);
    expect(calls).toHaveLength(25);
  });

  it('when the database holds Agenda jobs from before, then they become due items once, at their instants', async () => {
    const agendaJobs = database.db.collection('agendaJobs');
    await agendaJobs.insertMany([
      { name: 'timepoint:open', data: { subjectId: 'old1', at: new Date(start.getTime() + minute) }, nextRunAt: new Date() },
      { name: 'consent:lapse', data: { subjectId: 'old2', at: new Date(start.getTime() + 2 * minute) }, nextRunAt: new Date() },
      { name: 'digest:daily', data: { subjectId: 'all', at: new Date(start.getTime() + 3 * minute) }, nextRunAt: new Date() },
    ]);
    expect(await migrateAgendaJobs(database.db)).toEqual({ migrated: 2 });
    expect(await migrateAgendaJobs(database.db)).toBeNull();
    expect(await agendaJobs.find({}, { projection: { name: 1 } }).toArray()).toEqual([expect.objectContaining({ name: 'digest:daily' })]);
    clock.advance(2 * minute);
    await sweepAll(sweepDeps());
    expect(calls.sort()).toEqual(['consent:lapse old2', 'timepoint:open old1']);
  });
});
