import type { QuestionnaireEffect } from './questionnaire-effect.js';
import type { QuestionnaireState } from './questionnaire-state.js';

/** The next state and what to do about it, in order. Store the state before performing effects. */
export interface StepResult {
  readonly state: QuestionnaireState;
  readonly effects: readonly QuestionnaireEffect[];
}
