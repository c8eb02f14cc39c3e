import { askCurrentItem } from './ask-current-item.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import type { ResolvedStepContext } from './step-context.js';
import type { StepResult } from './step-result.js';
import { withoutPause } from './without-pause.js';

/**
 * Pick up exactly where the person stopped: the current item again, asked afresh (a full set of
 * tries, since a gap or a worker's help makes earlier unreadable replies beside the point).
 */
export function reaskCurrentItem(state: QuestionnaireState, context: ResolvedStepContext, prefix?: string): StepResult {
  const asking: QuestionnaireState = { ...withoutPause(state), status: 'asking', invalidAttempts: 0 };
  return { state: asking, effects: [askCurrentItem(asking, context, prefix)] };
}
