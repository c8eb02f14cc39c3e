import type { Logger } from '../../logger.js';
import type { SchedulerHandle } from './create-scheduler.js';

/**
 * Seals recorded audit entries into the chain (see mongo-audit-trail.ts) every few seconds, so the
 * entries stand unchained only briefly. Overlapping runs on several processes are harmless.
 */
export async function defineAuditJobs(scheduler: SchedulerHandle, seal: () => Promise<number>, logger: Logger, everyMs: number | null = 10_000): Promise<void> {
  scheduler.agenda.define('audit:seal', async () => {
    const sealed = await seal();
    if (sealed > 0) logger.debug({ sealed }, 'audit entries sealed into the chain');
  });
  // null: defined but not recurring (tests seal through AuditTrail themselves).
  if (everyMs !== null) await scheduler.agenda.every(everyMs, 'audit:seal');
}
