import type { Clock } from '../../app/ports/clock.js';
import type { CaseJobHandlers, JobAction } from '../../app/ports/job-scheduler.js';
import type { Logger } from '../../logger.js';
import type { SchedulerHandle } from './create-scheduler.js';

/** Waits before a failed run is tried again: a minute, then longer, at most an hour apart. */
export const jobRetryDelaysMs = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

/**
 * Each case job calls its use case, which re-reads the state and does nothing when the work is done
 * (so a job run twice, or late after a restart, is harmless). A use case that says "not yet" gets
 * the same job moved to that instant. A run that throws (the database away while the summary is
 * composed) is tried again after `retryDelaysMs`, the last delay repeating: left to Agenda, a
 * failed one-off job never runs again and a failed cron waits a week, so the week's summary would
 * be lost; the handlers' deterministic message ids make a retry send nothing twice.
 */
export function defineCaseJobs(scheduler: SchedulerHandle, handlers: Partial<CaseJobHandlers>, clock: Clock, logger: Logger, options: { retryDelaysMs?: readonly number[] } = {}): void {
  const delays = options.retryDelaysMs ?? jobRetryDelaysMs;
  for (const [action, handler] of Object.entries(handlers) as Array<[JobAction, CaseJobHandlers[JobAction]]>) {
    scheduler.agenda.define<{ subjectId: string; at?: Date; failures?: number }>(action, async (job) => {
      let outcome: Awaited<ReturnType<typeof handler>>;
      try {
        outcome = await handler(job.attrs.data.subjectId);
      } catch (error) {
        const failures = (job.attrs.data.failures ?? 0) + 1;
        const retryAt = new Date(clock.now().getTime() + (delays[Math.min(failures, delays.length) - 1] ?? 60_000));
        logger.error({ err: error, job: action, failures, retryAt }, 'case job failed; it will be tried again');
        job.attrs.data = { ...job.attrs.data, at: retryAt, failures };
        job.schedule(clock.toReal(retryAt));
        await job.save();
        return;
      }
      if (job.attrs.data.failures) job.attrs.data = { ...job.attrs.data, failures: 0 };
      if ('deferUntil' in outcome) {
        job.attrs.data = { ...job.attrs.data, at: outcome.deferUntil };
        job.schedule(clock.toReal(outcome.deferUntil));
        // Agenda's own save after a run keeps only nextRunAt, not data: without this, `realign`
        // (every skip ahead, every restart under TIME_SCALE) would move the job back to its old instant.
        await job.save();
      }
      logger.debug({ job: action, subject: job.attrs.data.subjectId, outcome }, 'case job ran');
    });
  }
}
