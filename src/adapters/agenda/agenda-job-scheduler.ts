import type { Agenda } from 'agenda';
import type { Clock, JobAction, JobScheduler } from '../../app/ports.js';

/**
 * Case jobs on Agenda: one job per (action, subject), upserted through Agenda's unique(), woken at
 * the real instant the service's clock reaches `at` (they differ under TIME_SCALE).
 */
export function createAgendaJobScheduler(agenda: Agenda, clock: Clock): JobScheduler {
  return {
    async schedule(action: JobAction, subjectId: string, at: Date) {
      const job = agenda.create(action, { subjectId });
      job.unique({ 'data.subjectId': subjectId });
      job.schedule(clock.toReal(at));
      await job.save();
    },
    async cancel(action: JobAction, subjectId: string) {
      await agenda.cancel({ name: action, data: { subjectId } });
    },
  };
}
