import type { Logger } from '../../logger.js';
import type { SchedulerHandle } from './create-scheduler.js';

/** When the daily retention run starts, organisation time: a quiet hour, outside the send window. */
export const retentionTime = { hour: 3, minute: 30 };

/**
 * `retention:daily`: blanks old message texts, erases long-closed people and forgets strangers'
 * markers (app/privacy/run-retention.ts, idempotent, so a run repeated or overlapping on another
 * process does nothing twice). A cron in the organisation's time zone on the real clock: retention
 * is about real time, whatever TIME_SCALE does to the service's clock. `recurring` false: defined
 * only (tests run it themselves).
 */
export async function defineRetentionJob(scheduler: SchedulerHandle, run: () => Promise<unknown>, logger: Logger, timeZone: string, recurring = true): Promise<void> {
  scheduler.agenda.define('retention:daily', async () => {
    try {
      await run();
    } catch (error) {
      // Agenda records the failure too; the next day's run picks up where this one stopped.
      logger.error({ err: error }, 'retention run failed');
      throw error;
    }
  });
  if (!recurring) return;
  await scheduler.agenda.every(`${retentionTime.minute} ${retentionTime.hour} * * *`, 'retention:daily', {}, { timezone: timeZone, skipImmediate: true });
}
