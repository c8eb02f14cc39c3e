import type { Agenda } from 'agenda';
import type { Db } from 'mongodb';
import type { Clock } from '../../app/ports/clock.js';
import type { JobAction, JobScheduler } from '../../app/ports/job-scheduler.js';

/**
 * Case jobs on Agenda: one job per (action, subject), upserted through Agenda's unique(). Each job
 * keeps the instant it is for in the service's own time (`data.at`) and is woken at the real instant
 * the clock reaches it; the two differ under TIME_SCALE, and `realign` recomputes them after a jump.
 */
export function createAgendaJobScheduler(agenda: Agenda, db: Db, clock: Clock): JobScheduler {
  return {
    async schedule(action: JobAction, subjectId: string, at: Date) {
      const job = agenda.create(action, { subjectId, at });
      job.unique({ 'data.subjectId': subjectId });
      job.schedule(clock.toReal(at));
      await job.save();
    },
    async ensure(action: JobAction, subjectId: string, at: Date) {
      // A job already waiting past `at` was placed from a clock that has since gone back (a test, a
      // demo restored to an earlier instant): it moves up, since waiting longer would skip a run.
      const existing = await db.collection<{ data?: { at?: Date } }>('agendaJobs').findOne({ name: action, 'data.subjectId': subjectId });
      if (existing?.data?.at && new Date(existing.data.at) > at) return this.schedule(action, subjectId, at);
      const job = agenda.create(action, { subjectId, at });
      job.unique({ 'data.subjectId': subjectId }, { insertOnly: true });
      job.schedule(clock.toReal(at));
      await job.save();
    },
    async cancel(action: JobAction, subjectId: string) {
      await agenda.cancel({ name: action, data: { subjectId } });
    },
    async realign() {
      const jobs = db.collection<{ _id: unknown; data?: { at?: Date }; nextRunAt?: Date | null }>('agendaJobs');
      const pending = await jobs.find({ 'data.at': { $exists: true }, nextRunAt: { $ne: null } }, { projection: { data: 1 } }).toArray();
      for (const job of pending) {
        if (job.data?.at) await jobs.updateOne({ _id: job._id }, { $set: { nextRunAt: clock.toReal(new Date(job.data.at)) } });
      }
      return pending.length;
    },
  };
}
