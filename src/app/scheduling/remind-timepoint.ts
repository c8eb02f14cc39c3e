import { whatsappTemplateVariables } from '../../domain/messaging/whatsapp-template-variables.js';
import { isWithinSendWindow } from '../../domain/schedule/is-within-send-window.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { TurnTarget } from '../cases/apply-turn-actions.js';
import type { CaseDeps } from '../cases/case-deps.js';
import { commitTurn, finishCommittedTurn, finishPreviousTurn, turnSeen } from '../cases/commit-turn.js';
import { programmeFor, questionSetOfAssessment } from '../cases/programme-for.js';
import { scopeToTurn } from '../cases/scope-to-turn.js';
import { enrolmentSnapshot, stepQuestionnaire } from '../cases/step-questionnaire.js';
import { phoneHashOf } from './open-timepoint.js';
import type { JobOutcome } from '../ports/job-scheduler.js';
import { withTurnLock } from './with-turn-lock.js';

/**
 * Chases an open timepoint that was not started or stopped part-way, at the programme's reminder
 * days (default 2 and 5 days after it opened). Counts what it has sent, so a job that fires twice
 * sends one reminder, and a job that fires late (after a restart) sends only the latest one due.
 * Each reminder is a turn keyed timepoint:remind:<assessment>:<n>, so one interrupted by a crash
 * is finished, not repeated.
 */
export async function remindTimepoint(deps: CaseDeps, assessmentId: string): Promise<JobOutcome> {
  const assessment = await deps.cases.assessment(assessmentId);
  if (!assessment || !['open', 'in-progress'].includes(assessment.status) || !assessment.openedAt) return { done: true, note: 'not open' };
  const enrolment = await deps.cases.enrolment(assessment.enrolmentId);
  const programme = enrolment ? await programmeFor(deps, enrolment) : null;
  const phoneHash = enrolment ? await phoneHashOf(deps, enrolment) : null;
  const questions = questionSetOfAssessment(deps.measures, assessment);
  if (!enrolment || !programme || !phoneHash || !questions) return { done: true, note: 'enrolment gone' };
  const now = deps.clock.now();
  const due = reminderInstants(assessment.openedAt, programme.plan.reminders.afterDays, deps.org.timezone, undefined, { until: assessment.closesAt });
  const sent = assessment.remindersSent ?? 0;
  const reached = due.filter((at) => at <= now).length;
  const next = due[sent];
  if (reached <= sent) return next ? { deferUntil: next } : { done: true, note: 'no reminders left' };
  // Paused (or stopped): this job ends, and RESUME (or START) schedules the next reminder again
  // (rescheduleTimepoints), so nothing polls while nobody may be reminded.
  if (enrolment.status !== 'active') return { done: true, note: `enrolment ${enrolment.status}` };
  if (!isWithinSendWindow(now, deps.org.timezone)) return { deferUntil: nextSendableInstant(now, deps.org.timezone) };

  const key = `timepoint:remind:${assessment.id}:${reached}`;
  const turn = scopeToTurn(deps, key);
  const following = due[reached];
  const outcome: JobOutcome = following ? { deferUntil: following, note: 'reminded' } : { done: true, note: 'reminded (last)' };
  return withTurnLock(deps, phoneHash, async (lock) => {
    const contact = await deps.contacts.get(phoneHash);
    const conversation = contact?.conversation ?? null;
    if (!contact) return { done: true, note: 'person gone' };
    const snapshot = enrolmentSnapshot(enrolment);
    const target: TurnTarget = { key, at: now, to: { channel: enrolment.channel, phoneHash, phoneEnc: contact.phoneEnc }, enrolment: snapshot, contact };
    const seen = turnSeen(conversation, key);
    if (seen === 'committed' && conversation?.lastTurn) {
      await finishCommittedTurn(deps, conversation, conversation.lastTurn);
      return outcome;
    }
    if (seen === 'consumed') return outcome;
    await finishPreviousTurn(deps, conversation, key, lock);
    if (!conversation?.questionnaire || conversation.questionnaire.assessmentId !== assessment.id) return { done: true, note: 'not this questionnaire' };
    const { answers: _answers, ...opened } = assessment;
    const stepped = await stepQuestionnaire(deps, {
      enrolment: snapshot, assessment: conversation.assessment ?? opened, questions, state: conversation.questionnaire, event: { type: 'reminder-due' }, now, purpose: 'reminder',
      context: conversation.context, history: conversation.history,
    });
    // On WhatsApp a reminder usually goes outside the 24-hour window, as a template that needs its variables.
    const worker = enrolment.channel === 'whatsapp' ? await deps.staff.get(enrolment.workerId) : null;
    const reminders = stepped.actions.map((action) => (action.type === 'send' && enrolment.channel === 'whatsapp'
      ? { ...action, templateVariables: whatsappTemplateVariables({ orgName: deps.org.name, workerName: worker?.name, text: action.text }) }
      : action));
    const actions = [...reminders, { type: 'update-assessment' as const, assessmentId: assessment.id, update: { remindersSent: reached } }];
    const next = { ...conversation, awaiting: stepped.done ? 'nothing' as const : 'questionnaire' as const, questionnaire: stepped.state, ...(stepped.history ? { history: stepped.history } : {}) };
    if (!(await commitTurn(turn, next, target, actions))) return { deferUntil: new Date(now.getTime() + 60_000), note: 'the conversation changed; trying again' };
    return outcome;
  });
}
