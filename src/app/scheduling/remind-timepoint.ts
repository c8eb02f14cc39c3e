import { step } from '../../domain/conversation.js';
import { isWithinSendWindow } from '../../domain/schedule/is-within-send-window.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import { applyQuestionnaireStep } from '../cases/apply-questionnaire-step.js';
import type { CaseDeps } from '../cases/case-deps.js';
import { questionnaireContext } from '../cases/questionnaire-context.js';
import type { JobOutcome } from '../ports.js';
import { withTurnLock } from './with-turn-lock.js';

/**
 * Chases an open timepoint that was not started or stopped part-way, at the programme's reminder
 * days (default 2 and 5 days after it opened). Counts what it has sent, so a job that fires twice
 * sends one reminder, and a job that fires late (after a restart) sends only the latest one due.
 */
export async function remindTimepoint(deps: CaseDeps, assessmentId: string): Promise<JobOutcome> {
  const assessment = await deps.cases.assessment(assessmentId);
  if (!assessment || !['open', 'in-progress'].includes(assessment.status) || !assessment.openedAt) return { done: true, note: 'not open' };
  const enrolment = await deps.cases.enrolment(assessment.enrolmentId);
  const programme = enrolment ? await deps.programmes.get(enrolment.programmeId) : null;
  const person = enrolment ? await deps.cases.serviceUserByReference(enrolment.reference) : null;
  const measure = deps.measures.get(assessment.measureId);
  if (!enrolment || !programme || !person || !measure) return { done: true, note: 'enrolment gone' };
  const now = deps.clock.now();
  const due = reminderInstants(assessment.openedAt, programme.plan.reminders.afterDays, deps.org.timezone, undefined, { until: assessment.closesAt });
  const sent = assessment.remindersSent ?? 0;
  const reached = due.filter((at) => at <= now).length;
  const next = due[sent];
  if (reached <= sent) return next ? { deferUntil: next } : { done: true, note: 'no reminders left' };
  if (enrolment.status !== 'active') return { done: true, note: `enrolment ${enrolment.status}` };
  if (!isWithinSendWindow(now, deps.org.timezone)) return { deferUntil: nextSendableInstant(now, deps.org.timezone) };

  return withTurnLock(deps, person.phoneHash, async () => {
    const conversation = await deps.cases.conversation(person.phoneHash);
    if (!conversation?.questionnaire || conversation.questionnaire.assessmentId !== assessment.id) return { done: true, note: 'not this questionnaire' };
    const result = step(conversation.questionnaire, { type: 'reminder-due' }, now, await questionnaireContext(deps, enrolment, assessment, measure));
    const texts = await applyQuestionnaireStep(deps, { conversation, enrolment, assessment, result });
    for (const body of texts) {
      await deps.send({ channel: enrolment.channel, phoneHash: person.phoneHash, phoneEnc: person.phoneEnc, body, purpose: 'reminder' });
    }
    await deps.cases.updateAssessment(assessment.id, { remindersSent: reached });
    const following = due[reached];
    return following ? { deferUntil: following, note: 'reminded' } : { done: true, note: 'reminded (last)' };
  });
}
