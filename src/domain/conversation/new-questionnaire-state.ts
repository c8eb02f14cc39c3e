import type { QuestionnaireState } from './questionnaire-state.js';

/** A questionnaire that nothing has been sent for yet; a `start` event sends the first item. */
export function newQuestionnaireState(assessmentId: string, measureId: string): QuestionnaireState {
  return { assessmentId, measureId, status: 'not-started', currentIndex: 0, answers: {}, invalidAttempts: 0 };
}
