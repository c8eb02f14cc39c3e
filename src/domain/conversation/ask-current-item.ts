import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';
import { renderItem } from '../measures/render-item.js';
import type { QuestionnaireEffect, SendPurpose } from './questionnaire-effect.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import type { ResolvedStepContext } from './step-context.js';

/**
 * The message asking the current item, numbered "Q3/9". A prefix ("Just a reminder:") goes in the
 * same message rather than a separate one: every extra SMS is paid for by the charity.
 */
export function askCurrentItem(
  state: QuestionnaireState,
  context: ResolvedStepContext,
  prefix?: string,
  purpose: SendPurpose = 'question',
): QuestionnaireEffect {
  const { measure, language } = context;
  const item = measure.items[state.currentIndex];
  if (!item) throw new Error(`${measure.id} has no item at position ${state.currentIndex + 1}`);
  const position = { number: state.currentIndex + 1, of: measure.items.length };
  const { text } = renderItem(measure, item.id, { language, position });
  return { type: 'send', text: prefix === undefined ? text : normaliseToGsm7(`${prefix} ${text}`), purpose };
}
