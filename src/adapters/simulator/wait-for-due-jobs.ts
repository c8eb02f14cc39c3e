import type { Db } from 'mongodb';
import type { Clock } from '../../app/ports/clock.js';

interface JobDoc {
  data?: { at?: Date | string };
  nextRunAt?: Date | null;
  lockedAt?: Date | null;
}

/**
 * Waits, up to `timeoutMs`, until no due item or recurring job is due or running by the service's clock: after a
 * skip ahead, until what it set off (invitations, reminders, digests) has run and scheduled what
 * comes next. Answers whether that happened in time; a slower job is simply left to finish.
 */
export async function waitForDueJobs(db: Db, clock: Clock, timeoutMs = 5000): Promise<boolean> {
  const jobs = db.collection<JobDoc>('agendaJobs');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await jobs.find({ 'data.at': { $exists: true }, disabled: { $ne: true } }, { projection: { data: 1, nextRunAt: 1, lockedAt: 1 } }).toArray();
    const now = clock.now().getTime();
    // A running one-off job has no nextRunAt until it finishes (and, if it defers, saves a new one).
    const dueItems = await db.collection<{ dueAt: Date }>('dueItems').countDocuments({ dueAt: { $lte: clock.now() } });
    const busy = dueItems > 0 || found.some((job) => job.lockedAt || (job.nextRunAt && new Date(job.data?.at ?? Number.NaN).getTime() <= now));
    if (!busy) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
