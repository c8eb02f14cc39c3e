import type { QuestionnaireState } from './questionnaire-state.js';

/** The state with no paused reason: once the person is being asked again, the reason is stale. */
export function withoutPause(state: QuestionnaireState): QuestionnaireState {
  const { pausedReason: _pausedReason, ...rest } = state;
  return rest;
}
