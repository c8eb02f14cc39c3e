import { scoreMeasure } from '../measures/score-measure.js';
import { formatCheckInDate } from './format-check-in-date.js';
import type { QuestionnaireEffect } from './questionnaire-effect.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import { questionnaireWording } from './questionnaire-wording.js';
import type { ResolvedStepContext } from './step-context.js';
import type { StepResult } from './step-result.js';
import { withoutPause } from './without-pause.js';

/**
 * Finish: score by the measure's rules, thank the person and say when we will be back. A progress
 * line is opt-in and states numbers only: the score is not a diagnosis and a text is no place to
 * interpret it.
 */
export function completeQuestionnaire(state: QuestionnaireState, now: Date, context: ResolvedStepContext): StepResult {
  const values = Object.fromEntries(Object.entries(state.answers).map(([itemId, answer]) => [itemId, answer.value]));
  const score = scoreMeasure(context.measure, values);
  const nextCheckIn = context.nextCheckIn && formatCheckInDate(context.nextCheckIn, context.timeZone ?? 'Europe/London', now);
  const effects: QuestionnaireEffect[] = [
    { type: 'complete', score },
    { type: 'send', text: questionnaireWording.thanks(nextCheckIn), purpose: 'thanks' },
  ];
  if (context.progressMessages === true && context.previousScore !== undefined && score.score !== null) {
    effects.push({ type: 'send', text: questionnaireWording.progress(context.previousScore, score.score), purpose: 'progress' });
  }
  return { state: { ...withoutPause(state), status: 'completed', invalidAttempts: 0, completedAt: now }, effects };
}
