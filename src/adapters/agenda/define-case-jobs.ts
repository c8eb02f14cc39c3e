import type { Clock } from '../../app/ports/clock.js';
import type { CaseJobHandlers, JobAction } from '../../app/ports/job-scheduler.js';
import type { Logger } from '../../logger.js';
import type { SchedulerHandle } from './create-scheduler.js';

/**
 * Each case job calls its use case, which re-reads the state and does nothing when the work is done
 * (so a job run twice, or late after a restart, is harmless). A use case that says "not yet" gets
 * the same job moved to that instant.
 */
export function defineCaseJobs(scheduler: SchedulerHandle, handlers: Partial<CaseJobHandlers>, clock: Clock, logger: Logger): void {
  for (const [action, handler] of Object.entries(handlers) as Array<[JobAction, CaseJobHandlers[JobAction]]>) {
    scheduler.agenda.define<{ subjectId: string; at?: Date }>(action, async (job) => {
      const outcome = await handler(job.attrs.data.subjectId);
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
