import { newQuestionnaireState } from '../../domain/conversation/new-questionnaire-state.js';
import { whatsappTemplateVariables } from '../../domain/messaging/whatsapp-template-variables.js';
import { isWithinSendWindow } from '../../domain/schedule/is-within-send-window.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { TurnTarget } from '../cases/apply-turn-actions.js';
import type { CaseDeps } from '../cases/case-deps.js';
import { commitTurn, finishCommittedTurn, finishPreviousTurn, turnSeen } from '../cases/commit-turn.js';
import { programmeFor, questionSetOfAssessment } from '../cases/programme-for.js';
import { scopeToTurn } from '../cases/scope-to-turn.js';
import { enrolmentSnapshot, questionnaireContext, stepQuestionnaire } from '../cases/step-questionnaire.js';
import type { Enrolment } from '../ports/case-store.js';
import type { TurnAction } from '../cases/turn-action.js';
import type { JobOutcome } from '../ports/job-scheduler.js';
import { withTurnLock } from './with-turn-lock.js';
import { lapseTimepoint } from './lapse-timepoint.js';

const day = 86_400_000;

/**
 * A follow-up (or discharge) timepoint is due: invite the person and ask the first question (on
 * WhatsApp, the invitation alone, since it may have to go as a template outside the 24-hour window;
 * their reply starts the questions). Exactly once: the opening is committed with the conversation
 * under the key timepoint:open:<assessment>, so a job run again after a crash part-way through
 * sends what is still missing and nothing twice. Waits for the send window, for a paused
 * enrolment, and for another questionnaire in progress.
 */
export async function openTimepoint(deps: CaseDeps, assessmentId: string): Promise<JobOutcome> {
  const assessment = await deps.cases.assessment(assessmentId);
  if (!assessment || !['scheduled', 'open'].includes(assessment.status)) return { done: true, note: 'not scheduled' };
  const enrolment = await deps.cases.enrolment(assessment.enrolmentId);
  const now = deps.clock.now();
  if (assessment.status === 'scheduled') {
    if (!enrolment || !['active', 'paused'].includes(enrolment.status)) {
      await deps.cases.updateAssessment(assessment.id, { status: 'cancelled' });
      return { done: true, note: 'enrolment ended' };
    }
    if (now < assessment.dueAt) return { deferUntil: assessment.dueAt };
    // Its window closed before it could open (paused all along, or the service was down): it is
    // lapsed like any other timepoint nobody answered, so the digest and the figures count it.
    if (now >= assessment.closesAt) return lapseTimepoint(deps, assessment.id);
    if (enrolment.status === 'paused') return { deferUntil: new Date(now.getTime() + day), note: 'paused' };
    if (!isWithinSendWindow(now, deps.org.timezone)) return { deferUntil: nextSendableInstant(now, deps.org.timezone) };
  }
  if (!enrolment) return { done: true, note: 'enrolment gone' };

  const phoneHash = await phoneHashOf(deps, enrolment);
  const questions = questionSetOfAssessment(deps.measures, assessment);
  if (!phoneHash || !questions) throw new Error(`cannot open ${assessment.id}: person or measure missing`);
  const key = `timepoint:open:${assessment.id}`;
  const turn = scopeToTurn(deps, key);
  return withTurnLock(deps, phoneHash, async (lock) => {
    const contact = await deps.contacts.get(phoneHash);
    if (!contact) throw new Error(`cannot open ${assessment.id}: the person's contact record is missing`);
    const conversation = contact.conversation ?? null;
    const snapshot = enrolmentSnapshot(enrolment);
    const target: TurnTarget = { key, at: now, to: { channel: enrolment.channel, phoneHash, phoneEnc: contact.phoneEnc }, enrolment: snapshot, contact };
    const seen = turnSeen(conversation, key);
    if (seen === 'committed' && conversation?.lastTurn) {
      await finishCommittedTurn(deps, conversation, conversation.lastTurn);
      return { done: true, note: 'opened (finished after an interruption)' };
    }
    // Opened already (and since answered to): nothing left to do.
    if (seen === 'consumed' || assessment.status === 'open') return { done: true, note: 'already open' };
    await finishPreviousTurn(deps, conversation, key, lock);
    if (conversation?.awaiting === 'questionnaire' && conversation.questionnaire?.assessmentId !== assessment.id) {
      return { deferUntil: new Date(now.getTime() + day), note: 'another questionnaire is still open' };
    }
    const programme = await programmeFor(deps, enrolment);
    const [firstReminder] = reminderInstants(now, programme?.plan.reminders.afterDays ?? [2, 5], deps.org.timezone, undefined, { until: assessment.closesAt });
    const invitation = invitationText(deps.org.name, assessment.timepointId, questions.asked.items.length);
    const { answers: _answers, ...scheduled } = assessment;
    const opened = { ...scheduled, status: 'open' as const, openedAt: now, remindersSent: 0 };
    const context = await questionnaireContext(deps, snapshot, assessment, now, conversation?.history);
    const actions: TurnAction[] = [{ type: 'update-assessment', assessmentId: assessment.id, update: { status: 'open', openedAt: now, remindersSent: 0 } }];
    let state = newQuestionnaireState(assessment.id, questions.id);
    if (enrolment.channel === 'whatsapp') {
      const text = invitation.replace('Reply LATER', 'Reply READY to start, LATER');
      const worker = await deps.staff.get(enrolment.workerId);
      actions.push({ type: 'send', purpose: 'invitation', text, templateVariables: whatsappTemplateVariables({ orgName: deps.org.name, workerName: worker?.name, text }) });
    } else {
      const stepped = await stepQuestionnaire(deps, { enrolment: snapshot, assessment: opened, questions, state, event: { type: 'start' }, now, context });
      state = stepped.state;
      actions.push({ type: 'send', purpose: 'invitation', text: invitation }, ...stepped.actions);
    }
    if (firstReminder) actions.push({ type: 'schedule', action: 'timepoint:remind', subjectId: assessment.id, at: firstReminder });
    actions.push({ type: 'schedule', action: 'timepoint:lapse', subjectId: assessment.id, at: assessment.closesAt });
    const base = conversation ?? { phoneHash, serviceUserId: enrolment.serviceUserId, enrolmentId: enrolment.id, awaiting: 'questionnaire' as const, version: 0 };
    const next = { ...base, enrolmentId: enrolment.id, awaiting: 'questionnaire' as const, questionnaire: state, enrolment: snapshot, assessment: opened, context };
    if (!(await commitTurn(turn, next, target, actions))) return { deferUntil: new Date(now.getTime() + 60_000), note: 'the conversation changed; trying again' };
    return { done: true, note: 'opened' };
  });
}

/** The person's number's keyed hash: on the enrolment, or (older enrolments) from the person. */
export async function phoneHashOf(deps: Pick<CaseDeps, 'cases'>, enrolment: Enrolment): Promise<string | null> {
  if (enrolment.phoneHash) return enrolment.phoneHash;
  return (await deps.cases.serviceUserByReference(enrolment.reference))?.phoneHash ?? null;
}

/** The follow-up's invitation, counting every question of every measure it asks (`programme show` counts its segments). */
export function invitationText(orgName: string, timepointId: string, questions: number): string {
  return `Hi, it's ${orgName}: time for your ${timepointName(timepointId)} check-in, ${questions} quick questions. Reply LATER if now isn't good, or STOP to stop.`;
}

/** '6w' -> '6-week', '10d' -> '10-day', 'discharge' -> 'end-of-support'. */
export function timepointName(timepointId: string): string {
  if (timepointId === 'discharge') return 'end-of-support';
  const match = /^(\d+)([wd])$/.exec(timepointId);
  return match ? `${match[1]}-${match[2] === 'w' ? 'week' : 'day'}` : timepointId;
}
