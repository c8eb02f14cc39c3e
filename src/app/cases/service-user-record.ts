import { formatReference, parseReference } from '../../domain/cases/enrolment.js';
import type { Enrolment } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';
import { programmeAt, questionnaireOf } from './programme-for.js';

/**
 * One person's record for staff: enrolments (with the plan version each is asked by), assessments
 * with answers and scores (one per measure when a timepoint asks several), open alerts. No
 * phone number. Null when there is nobody with that reference or `mayRead` refuses their
 * enrolments, decided before anything else is read.
 */
export async function serviceUserRecord(deps: Pick<CaseDeps, 'cases' | 'contacts' | 'phones' | 'programmes' | 'staff'>, reference: string, mayRead: (enrolments: Enrolment[]) => boolean = () => true) {
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
    /** 'erased': the number, label and texts were removed (subject erasure or retention); scores may stay. */
    status: person.erasedAt ? 'erased' as const : 'held' as const,
    erasedAt: person.erasedAt ?? null,
    label: person.labelEnc ? deps.phones.decrypt(person.labelEnc) : null,
    enrolments: await Promise.all(enrolments.map(async (enrolment) => {
      const [programme, worker, assessments] = await Promise.all([
        deps.programmes.get(enrolment.programmeId, enrolment.planVersion), deps.staff.get(enrolment.workerId), deps.cases.assessmentsOf(enrolment.id),
      ]);
      const planVersion = enrolment.planVersion ?? 1;
      return {
        id: enrolment.id, status: enrolment.status, workerId: enrolment.workerId, worker: worker?.name ?? null, programme: programme?.name ?? null,
        // The plan this enrolment is asked by: the version it started on, whatever edits came after.
        planVersion, plan: programme ? questionnaireOf(programmeAt(programme, planVersion)) : null,
        channel: enrolment.channel, consent: enrolment.consent ?? null, createdAt: enrolment.createdAt,
        assessments: assessments.map(({ id, kind, timepointId, measureId, measureIds, status, dueAt, opensAt, closesAt, completedAt, late, answers, score, scores, measureAnswers }) => ({
          id, kind, timepointId, measureId, measures: measureIds ?? [measureId], status, dueAt, opensAt, closesAt, completedAt: completedAt ?? null, late: late ?? false,
          answers: answersOf({ id, answers }), score: score ?? null, ...(scores ? { scores } : {}), ...(measureAnswers ? { measureAnswers } : {}),
        })),
      };
    })),
    openAlerts: (await deps.cases.openAlerts({ serviceUserId: person.id })).map(({ id, itemId, openedAt }) => ({ id, itemId, openedAt })),
  };
}
