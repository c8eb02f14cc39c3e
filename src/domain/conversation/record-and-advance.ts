import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';
import { askCurrentItem } from './ask-current-item.js';
import { completeQuestionnaire } from './complete-questionnaire.js';
import type { QuestionnaireEffect } from './questionnaire-effect.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import { questionnaireWording } from './questionnaire-wording.js';
import { withoutPause } from './without-pause.js';
import type { ResolvedStepContext } from './step-context.js';
import type { StepResult } from './step-result.js';

/**
 * Store the reply to the current item (replacing any earlier answer, as after BACK), raise risk at
 * once, then ask the next item or finish. Signposting goes out before anything else is sent, so a
 * person at risk reads it before the next question or the thank-you.
 */
export function recordAndAdvance(
  state: QuestionnaireState,
  reply: { raw: string; value: number | null },
  now: Date,
  context: ResolvedStepContext,
  nextPrefix?: string,
): StepResult {
  const item = context.measure.items[state.currentIndex];
  if (!item) throw new Error(`${context.measure.id} has no item at position ${state.currentIndex + 1}`);
  const answer = { raw: reply.raw, value: reply.value, at: now, attempts: state.invalidAttempts + 1 };
  const effects: QuestionnaireEffect[] = [{ type: 'record-answer', itemId: item.id, ...answer }];
  if (item.risk && reply.value !== null && reply.value >= item.risk.atOrAbove) {
    effects.push({ type: 'risk', itemId: item.id, value: reply.value, label: item.risk.label });
    effects.push({ type: 'send', text: normaliseToGsm7(context.signposting ?? questionnaireWording.defaultSignposting), purpose: 'signposting' });
  }
  const answered: QuestionnaireState = { ...state, answers: { ...state.answers, [item.id]: answer } };
  const next = nextIndex(answered, context);
  if (next === undefined) {
    const completed = completeQuestionnaire(answered, now, context);
    return { state: completed.state, effects: [...effects, ...completed.effects] };
  }
  const asking: QuestionnaireState = { ...withoutPause(answered), status: 'asking', currentIndex: next, invalidAttempts: 0 };
  return { state: asking, effects: [...effects, askCurrentItem(asking, context, nextPrefix)] };
}

// In order from the current item; after the last, any item still without an answer (possible only
// when a questionnaire was started part-answered), so nothing is ever silently left unasked.
function nextIndex(state: QuestionnaireState, context: ResolvedStepContext): number | undefined {
  const { items } = context.measure;
  if (state.currentIndex + 1 < items.length) return state.currentIndex + 1;
  const unanswered = items.findIndex((item) => state.answers[item.id] === undefined);
  return unanswered === -1 ? undefined : unanswered;
}
