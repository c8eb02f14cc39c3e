import { randomUUID } from 'node:crypto';
import type { StepResult } from '../../domain/conversation/step-result.js';
import { isLate } from '../../domain/schedule/is-late.js';
import type { Assessment, Conversation, Enrolment } from '../case-ports.js';
import { managersOf, tellStaff, type CaseDeps } from './case-deps.js';
import { scheduleEscalation } from '../scheduling/escalate-alert.js';
import { scheduleFollowUpAssessments } from './schedule-follow-up-assessments.js';

/**
 * Makes a questionnaire step real. The new state is saved first, so a crash part-way through the
 * effects resumes from the right question; then answers are recorded, scores stored, alerts raised
 * and workers told. Returns the texts for the service-user, in order.
 */
export async function applyQuestionnaireStep(
  deps: CaseDeps,
  input: { conversation: Conversation; enrolment: Enrolment; assessment: Assessment; result: StepResult },
): Promise<string[]> {
  const { conversation, enrolment, assessment, result } = input;
  const done = result.state.status === 'completed' || result.state.status === 'stopped';
  const saved = await deps.cases.saveConversation({ ...conversation, awaiting: done ? 'nothing' : 'questionnaire', questionnaire: result.state });
  if (!saved) throw new Error('the conversation changed during this turn; the message will be looked at again');

  const texts: string[] = [];
  const now = deps.clock.now();
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'send':
        texts.push(effect.text);
        break;
      case 'record-answer':
        await deps.cases.recordAnswer(assessment.id, effect.itemId, { raw: effect.raw, value: effect.value, at: effect.at, attempts: effect.attempts });
        if (assessment.status === 'open') await deps.cases.updateAssessment(assessment.id, { status: 'in-progress', startedAt: now });
        break;
      case 'complete':
        await deps.cases.updateAssessment(assessment.id, { status: 'completed', completedAt: now, late: isLate(now, assessment), score: effect.score });
        if (assessment.kind === 'baseline') await scheduleFollowUpAssessments(deps, enrolment, now);
        break;
      case 'risk':
        await raiseAlert(deps, enrolment, assessment, effect.itemId);
        break;
      case 'notify-worker':
        await notifyWorker(deps, enrolment, `${enrolment.reference}'s questionnaire is paused: we could not read their replies. Please check in with them.`);
        break;
      case 'stop':
      case 'pause':
        break;
    }
  }
  return texts;
}

/** One alert per assessment and item, however often BACK brings the answer round again. */
async function raiseAlert(deps: CaseDeps, enrolment: Enrolment, assessment: Assessment, itemId: string): Promise<void> {
  const open = await deps.cases.openAlerts({ serviceUserId: enrolment.serviceUserId });
  if (open.some((alert) => alert.assessmentId === assessment.id && alert.itemId === itemId)) return;
  const now = deps.clock.now();
  const alert = {
    id: randomUUID(), enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, reference: enrolment.reference,
    workerId: enrolment.workerId, assessmentId: assessment.id, itemId, openedAt: now,
  };
  await deps.cases.openAlert(alert);
  await scheduleEscalation(deps, alert);
  await deps.audit.record({ actor: 'bot', action: 'alert.open', subject: enrolment.reference, at: now, details: { measure: assessment.measureId, item: itemId } });
  const text = `URGENT from promptly: ${enrolment.reference} gave an answer on a risk question (${assessment.measureId.toUpperCase()}) and has been sent crisis contacts. Please contact them today, then reply ACK ${enrolment.reference}.`;
  await notifyWorker(deps, enrolment, text, 'alert');
  for (const manager of await managersOf(deps)) await tellStaff(deps, manager, text, 'alert');
}

async function notifyWorker(deps: CaseDeps, enrolment: Enrolment, text: string, purpose: 'alert' | 'notice' = 'notice'): Promise<void> {
  const worker = await deps.staff.get(enrolment.workerId);
  if (worker) await tellStaff(deps, worker, text, purpose);
  else deps.logger.warn({ enrolmentId: enrolment.id }, 'the worker of this enrolment is no longer on the staff list');
}
