import type { Db } from 'mongodb';
import type { CaseStore } from '../../app/ports/case-store.js';
import type { JobAction } from '../../app/ports/job-scheduler.js';
import { createMongoDueWork } from '../mongo/mongo-due-work.js';

export interface ScheduledEvent {
  at: Date;
  /** In words for the simulator's banner: "SU-0001's 6w check-in opens". */
  what: string;
}

interface JobDoc {
  name: string;
  data?: { subjectId?: string; at?: Date | string };
}

/**
 * The earliest thing the service will do by itself after `now`: a due item (follow-ups, reminders,
 * lapses, consent chases, escalations), a recurring job (the digest, the summary: their instant in
 * the service's own time is `data.at`), or an outbox message held back by quiet hours. Read
 * straight from MongoDB, which holds every schedule.
 */
export async function nextScheduledEvent(db: Db, cases: CaseStore, now: Date): Promise<ScheduledEvent | null> {
  const [recurring, items, held] = await Promise.all([
    db.collection<JobDoc>('agendaJobs').find({ 'data.at': { $exists: true }, nextRunAt: { $ne: null }, disabled: { $ne: true } }, { projection: { name: 1, data: 1 } }).toArray(),
    createMongoDueWork(db).upcoming(now, 200),
    db.collection('messages').find({ direction: 'out', status: 'pending', nextAttemptAt: { $gt: now } }).sort({ nextAttemptAt: 1 }).limit(1).toArray(),
  ]);
  // Only the newest version of each action and subject will act (a cancellation acts on nothing).
  const newest = new Map<string, number>();
  for (const item of items) newest.set(`${item.kind}|${item.subject}`, Math.max(newest.get(`${item.kind}|${item.subject}`) ?? -Infinity, item.version));
  const jobs: JobDoc[] = [
    ...recurring,
    ...items
      .filter((item) => !item.cancelled && item.version === newest.get(`${item.kind}|${item.subject}`))
      .map((item) => ({ name: item.kind, data: { subjectId: item.subject, at: item.dueAt } })),
  ];
  // Few jobs in a demo, and `data.at` may be stored as a string: compare in code, not in the query.
  const upcoming = jobs
    .map((doc) => ({ doc, at: new Date(doc.data?.at ?? Number.NaN) }))
    .filter(({ at }) => at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const heldAt = held[0]?.nextAttemptAt as Date | undefined;
  for (const { doc, at } of upcoming) {
    if (heldAt && heldAt <= at) break;
    const what = await describeJob(cases, doc.name as JobAction, doc.data?.subjectId);
    if (what) return { at, what };
  }
  return heldAt ? { at: heldAt, what: 'a text held back by quiet hours is sent' } : null;
}

/**
 * The job in words, or null when it will find nothing to do: jobs are not cancelled when their
 * work is done (each handler re-reads the state), so a finished baseline still has a reminder job.
 */
async function describeJob(cases: CaseStore, action: JobAction, subjectId: string | undefined): Promise<string | null> {
  if (!subjectId) return jobWords[action];
  if (action.startsWith('timepoint:')) {
    const assessment = await cases.assessment(subjectId);
    const enrolment = assessment ? await cases.enrolment(assessment.enrolmentId) : null;
    if (!assessment || !enrolment) return null;
    const checkIn = `${enrolment.reference}'s ${assessment.timepointId} check-in`;
    if (action === 'timepoint:open') return assessment.status === 'scheduled' ? `${checkIn} opens` : null;
    if (!['open', 'in-progress'].includes(assessment.status)) return null;
    return action === 'timepoint:remind' ? `a reminder for ${checkIn}` : `${checkIn} closes`;
  }
  if (action.startsWith('consent:')) {
    const enrolment = await cases.enrolment(subjectId);
    return enrolment?.status === 'pending-consent' ? `${jobWords[action]} (${enrolment.reference})` : null;
  }
  if (action === 'alert:escalate') {
    const alert = await cases.alert(subjectId);
    return alert && !alert.acknowledgedAt && !alert.escalatedAt ? `${jobWords[action]} (${alert.reference})` : null;
  }
  return jobWords[action];
}

const jobWords: Record<JobAction, string> = {
  'timepoint:open': 'a check-in opens',
  'timepoint:remind': 'a check-in reminder',
  'timepoint:lapse': 'a check-in window closes',
  'consent:remind': 'a consent reminder',
  'consent:lapse': 'an unanswered consent request lapses',
  'alert:escalate': 'an unacknowledged alert goes to the managers',
  'digest:daily': "the workers' daily digest (sent when there is news for them)",
  'summary:weekly': "the managers' Monday summary",
};
