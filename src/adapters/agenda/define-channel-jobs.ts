import type { Logger } from '../../logger.js';
import type { SchedulerHandle } from './create-scheduler.js';

/**
 * The channel's safety nets as recurring jobs: send what is due or was interrupted, and run turns
 * a crash left behind. Both are idempotent, so overlapping runs on several processes are harmless.
 */
export async function defineChannelJobs(
  scheduler: SchedulerHandle,
  sweeps: { sweepOutbox(): Promise<{ recovered: number; resent: number; delivered: number }>; sweepInbox(): Promise<number>; archiveMessages(): Promise<number> },
  logger: Logger,
  everyMs: number | null = 30_000,
): Promise<void> {
  scheduler.agenda.define('outbox:sweep', async () => {
    const result = await sweeps.sweepOutbox();
    if (result.recovered + result.resent + result.delivered > 0) logger.info(result, 'outbox sweep');
  });
  scheduler.agenda.define('inbox:sweep', async () => {
    const numbers = await sweeps.sweepInbox();
    if (numbers > 0) logger.info({ numbers }, 'inbox sweep ran left-over turns');
  });
  scheduler.agenda.define('messages:archive', async () => {
    const moved = await sweeps.archiveMessages();
    if (moved > 0) logger.info({ moved }, 'settled messages moved to the archive');
  });
  // null: defined but not recurring (tests drive the sweeps themselves).
  if (everyMs === null) return;
  await scheduler.agenda.every(everyMs, 'outbox:sweep');
  await scheduler.agenda.every(everyMs, 'inbox:sweep');
  await scheduler.agenda.every('10 minutes', 'messages:archive');
}
