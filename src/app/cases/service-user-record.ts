import { formatReference, parseReference } from '../../domain/cases/enrolment.js';
import type { Enrolment } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';

/**
 * One person's record for staff: enrolments, assessments with answers and scores, open alerts. No
 * phone number. Null when there is nobody with that reference or `mayRead` refuses their
 * enrolments, decided before anything else is read.
 */
export async function serviceUserRecord(deps: CaseDeps, reference: string, mayRead: (enrolments: Enrolment[]) => boolean = () => true) {
  const n = parseReference(reference);
  const person = n ? await deps.cases.serviceUserByReference(formatReference(n)) : null;
  if (!person) return null;
  const enrolments = await deps.cases.enrolmentsOf(person.id);
  if (!mayRead(enrolments)) return null;
  // The answers of a questionnaire in progress are on the conversation until it ends.
  const conversation = (await deps.contacts.get(person.phoneHash))?.conversation;
  const inProgress = conversation?.awaiting === 'questionnaire' ? conversation.questionnaire : undefined;
  const answersOf = (assessment: { id: string; answers: Record<string, unknown> }) =>
    inProgress?.assessmentId === assessment.id ? { ...assessment.answers, ...inProgress.answers } : assessment.answers;
  return {
    reference: person.reference,
    label: person.labelEnc ? deps.phones.decrypt(person.labelEnc) : null,
    enrolments: await Promise.all(enrolments.map(async (enrolment) => {
      const [programme, worker, assessments] = await Promise.all([
        deps.programmes.get(enrolment.programmeId), deps.staff.get(enrolment.workerId), deps.cases.assessmentsOf(enrolment.id),
      ]);
      return {
        id: enrolment.id, status: enrolment.status, workerId: enrolment.workerId, worker: worker?.name ?? null, programme: programme?.name ?? null,
        channel: enrolment.channel, consent: enrolment.consent ?? null, createdAt: enrolment.createdAt,
        assessments: assessments.map(({ id, kind, timepointId, measureId, status, dueAt, opensAt, closesAt, completedAt, late, answers, score }) =>
          ({ id, kind, timepointId, measureId, status, dueAt, opensAt, closesAt, completedAt: completedAt ?? null, late: late ?? false, answers: answersOf({ id, answers }), score: score ?? null })),
      };
    })),
    openAlerts: (await deps.cases.openAlerts({ serviceUserId: person.id })).map(({ id, itemId, openedAt }) => ({ id, itemId, openedAt })),
  };
}
