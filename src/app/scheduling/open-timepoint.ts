import { step } from '../../domain/conversation.js';
import { newQuestionnaireState } from '../../domain/conversation/new-questionnaire-state.js';
import { isWithinSendWindow } from '../../domain/schedule/is-within-send-window.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import { applyQuestionnaireStep } from '../cases/apply-questionnaire-step.js';
import type { CaseDeps } from '../cases/case-deps.js';
import { questionnaireContext } from '../cases/questionnaire-context.js';
import type { JobOutcome } from '../ports.js';
import { withTurnLock } from './with-turn-lock.js';

const day = 86_400_000;

/**
 * A follow-up (or discharge) timepoint is due: invite the person and ask the first question (on
 * WhatsApp, the invitation alone, since it may have to go as a template outside the 24-hour window;
 * their reply starts the questions). Idempotent: it re-reads the assessment and does nothing once
 * it is open. Waits for the send window, for a paused enrolment, and for a questionnaire in progress.
 */
export async function openTimepoint(deps: CaseDeps, assessmentId: string): Promise<JobOutcome> {
  const assessment = await deps.cases.assessment(assessmentId);
  if (!assessment || assessment.status !== 'scheduled') return { done: true, note: 'not scheduled' };
  const enrolment = await deps.cases.enrolment(assessment.enrolmentId);
  const now = deps.clock.now();
  if (!enrolment || !['active', 'paused'].includes(enrolment.status)) {
    await deps.cases.updateAssessment(assessment.id, { status: 'cancelled' });
    return { done: true, note: 'enrolment ended' };
  }
  if (now < assessment.dueAt) return { deferUntil: assessment.dueAt };
  if (now >= assessment.closesAt) return { done: true, note: 'window closed before it could open' };
  if (enrolment.status === 'paused') return { deferUntil: new Date(now.getTime() + day), note: 'paused' };
  if (!isWithinSendWindow(now, deps.org.timezone)) return { deferUntil: nextSendableInstant(now, deps.org.timezone) };

  const person = await deps.cases.serviceUserByReference(enrolment.reference);
  const measure = deps.measures.get(assessment.measureId);
  if (!person || !measure) throw new Error(`cannot open ${assessment.id}: person or measure missing`);
  return withTurnLock(deps, person.phoneHash, async () => {
    const conversation = await deps.cases.conversation(person.phoneHash);
    if (conversation?.awaiting === 'questionnaire' && conversation.questionnaire?.assessmentId !== assessment.id) {
      return { deferUntil: new Date(now.getTime() + day), note: 'another questionnaire is still open' };
    }
    await deps.cases.updateAssessment(assessment.id, { status: 'open', openedAt: now, remindersSent: 0 });
    const invitation = `Hi, it's ${deps.org.name}: time for your ${timepointName(assessment.timepointId)} check-in, ${measure.items.length} quick questions. Reply LATER if now isn't good, or STOP to stop.`;
    const base = { conversation: conversation ?? { phoneHash: person.phoneHash, serviceUserId: person.id, enrolmentId: enrolment.id, awaiting: 'questionnaire' as const, version: 0 }, enrolment, assessment };
    const state = newQuestionnaireState(assessment.id, measure.id);
    let texts: string[];
    if (enrolment.channel === 'whatsapp') {
      await deps.cases.saveConversation({ ...base.conversation, enrolmentId: enrolment.id, awaiting: 'questionnaire', questionnaire: state });
      texts = [`${invitation.replace('Reply LATER', 'Reply READY to start, LATER')}`];
    } else {
      const result = step(state, { type: 'start' }, now, await questionnaireContext(deps, enrolment, assessment, measure));
      texts = [invitation, ...(await applyQuestionnaireStep(deps, { ...base, conversation: { ...base.conversation, enrolmentId: enrolment.id }, result }))];
    }
    for (const [i, body] of texts.entries()) {
      await deps.send({ channel: enrolment.channel, phoneHash: person.phoneHash, phoneEnc: person.phoneEnc, body, purpose: i === 0 ? 'invitation' : 'reply' });
    }
    const programme = await deps.programmes.get(enrolment.programmeId);
    const [firstReminder] = reminderInstants(now, programme?.plan.reminders.afterDays ?? [2, 5], deps.org.timezone, undefined, { until: assessment.closesAt });
    if (firstReminder) await deps.jobs.schedule('timepoint:remind', assessment.id, firstReminder);
    await deps.jobs.schedule('timepoint:lapse', assessment.id, assessment.closesAt);
    return { done: true, note: 'opened' };
  });
}

/** '6w' -> '6-week', '10d' -> '10-day', 'discharge' -> 'end-of-support'. */
export function timepointName(timepointId: string): string {
  if (timepointId === 'discharge') return 'end-of-support';
  const match = /^(\d+)([wd])$/.exec(timepointId);
  return match ? `${match[1]}-${match[2] === 'w' ? 'week' : 'day'}` : timepointId;
}
