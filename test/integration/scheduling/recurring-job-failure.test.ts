import { createScheduler } from '../../../src/adapters/agenda/create-scheduler.js';
import { defineCaseJobs } from '../../../src/adapters/agenda/define-case-jobs.js';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import type { JobOutcome } from '../../../src/app/ports/job-scheduler.js';
import { createLogger } from '../../../src/logger.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { testSchedulerOptions } from '../../support/test-config.js';
import { waitFor } from '../../support/test-clock.js';

/**
 * Issue 12 item 5: the Monday summary (and the daily digest) must not be lost to an error while it
 * is composed (the report source down for a moment): the job tries again shortly, and the week's
 * summary goes out then, rather than the job failing until next Monday, or for good.
 */
describe('a recurring job that fails', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await openTestDatabase()));
  let stop: (() => Promise<unknown>) | undefined;
  afterEach(async () => stop?.());
  afterAll(async () => database.close());

  it('when the summary throws while it is composed, then the job runs again shortly and sends it', async () => {
    const scheduler = createScheduler(database.db, createLogger('silent'), testSchedulerOptions);
    const calls: string[] = [];
    const nextMonday = new Date(Date.now() + 7 * 24 * 3600_000);
    const summary = async (): Promise<JobOutcome> => {
      calls.push(calls.length === 0 ? 'failed' : 'sent');
      if (calls.length === 1) throw new Error('report source unavailable');
      return { deferUntil: nextMonday, note: 'sent' };
    };
    defineCaseJobs(scheduler, { 'summary:weekly': summary }, systemClock, createLogger('silent'), { retryDelaysMs: [100] });
    await scheduler.start();
    stop = () => scheduler.drain(5000);
    await scheduler.agenda.now('summary:weekly', { subjectId: 'all' });
    await waitFor(() => calls.length >= 2, 10_000, 'the summary tried again');
    expect(calls).toEqual(['failed', 'sent']);
    // After the retry it waits for next Monday again, and its retry count starts afresh.
    const job = await waitFor(async () => {
      const stored = await database.db.collection('agendaJobs').findOne({ name: 'summary:weekly' });
      return stored && !stored.lockedAt && (stored.nextRunAt as Date | null)?.getTime() === nextMonday.getTime() ? stored : null;
    }, 10_000, 'the job waiting for next Monday');
    expect(job.data).toMatchObject({ subjectId: 'all', failures: 0 });
  });
});
