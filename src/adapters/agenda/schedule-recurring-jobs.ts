import { systemClock } from '../clock/system-clock.js';
import { digestTime } from '../../app/scheduling/send-daily-digests.js';
import { summaryTime } from '../../app/scheduling/send-weekly-summary.js';
import type { Clock } from '../../app/ports/clock.js';
import type { JobScheduler } from '../../app/ports/job-scheduler.js';
import { nextLocalTime } from '../../domain/schedule/next-local-time.js';
import { nextMondayAt } from '../../domain/schedule/next-monday-at.js';
import type { SchedulerHandle } from './create-scheduler.js';

/**
 * The workers' daily digest and the managers' Monday summary. On the real clock the summary is an
 * Agenda cron (`repeatEvery` with the organisation's time zone, so 09:00 stays 09:00 across clock
 * changes); under TIME_SCALE, where cron cannot follow the service's clock, both re-schedule
 * themselves. Either way a job missed while the service was down runs once on restart.
 */
export async function scheduleRecurringJobs(scheduler: SchedulerHandle, jobs: JobScheduler, clock: Clock, timeZone: string): Promise<void> {
  const now = clock.now();
  await jobs.ensure('digest:daily', 'all', nextLocalTime(now, digestTime, timeZone));
  if (clock === systemClock) {
    const [hour, minute] = summaryTime.split(':');
    await scheduler.agenda.every(`${Number(minute)} ${Number(hour)} * * 1`, 'summary:weekly', { subjectId: 'all' }, { timezone: timeZone, skipImmediate: true });
  } else {
    await jobs.ensure('summary:weekly', 'all', nextMondayAt(summaryTime, timeZone, now));
  }
}
