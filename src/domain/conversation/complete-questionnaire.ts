import { scoreQuestionSet } from '../measures/question-set.js';
import { formatCheckInDate } from './format-check-in-date.js';
import type { QuestionnaireEffect } from './questionnaire-effect.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import { questionnaireWording } from './questionnaire-wording.js';
import type { ResolvedStepContext } from './step-context.js';
import type { StepResult } from './step-result.js';
import { withoutPause } from './without-pause.js';

/**
 * Finish: score each measure by its own rules, thank the person and say when we will be back. A
 * progress line is opt-in, for one measure only (which score would it be otherwise?), and states
 * numbers only: the score is not a diagnosis and a text is no place to interpret it.
 */
export function completeQuestionnaire(state: QuestionnaireState, now: Date, context: ResolvedStepContext): StepResult {
  const values = Object.fromEntries(Object.entries(state.answers).map(([itemId, answer]) => [itemId, answer.value]));
  const scores = scoreQuestionSet(context.questions, values);
  const [score] = scores;
  if (!score) throw new Error(`${context.questions.id} has no measures`);
  const nextCheckIn = context.nextCheckIn && formatCheckInDate(context.nextCheckIn, context.timeZone ?? 'Europe/London', now);
  const effects: QuestionnaireEffect[] = [
    { type: 'complete', score, scores },
    { type: 'send', text: questionnaireWording.thanks(nextCheckIn), purpose: 'thanks' },
  ];
  if (context.progressMessages === true && scores.length === 1 && context.previousScore !== undefined && score.score !== null) {
    effects.push({ type: 'send', text: questionnaireWording.progress(context.previousScore, score.score), purpose: 'progress' });
  }
  return { state: { ...withoutPause(state), status: 'completed', invalidAttempts: 0, completedAt: now }, effects };
}
