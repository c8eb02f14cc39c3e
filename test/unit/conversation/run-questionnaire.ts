import { step } from '../../../src/domain/conversation/step.js';
import { newQuestionnaireState } from '../../../src/domain/conversation/new-questionnaire-state.js';
import type { QuestionnaireEffect } from '../../../src/domain/conversation/questionnaire-effect.js';
import type { QuestionnaireEvent } from '../../../src/domain/conversation/questionnaire-event.js';
import type { QuestionnaireState } from '../../../src/domain/conversation/questionnaire-state.js';
import type { StepContext } from '../../../src/domain/conversation/step-context.js';
import type { Measure } from '../../../src/domain/measures/measure.js';
import type { QuestionSet } from '../../../src/domain/measures/question-set.js';

export const startTime = new Date('2026-01-20T10:00:00Z');

export interface Run {
  readonly state: QuestionnaireState;
  /** Effects of each event, in the order the events were given. */
  readonly turns: readonly (readonly QuestionnaireEffect[])[];
  readonly last: readonly QuestionnaireEffect[];
  /** Texts of the send effects of the last event. */
  readonly lastSent: readonly string[];
}

/**
 * Feed events to `step` one minute apart, from a new questionnaire or `from`. A string is a reply;
 * the first event is `start` unless `from` is given. A question set (several measures) is asked as one.
 */
export function runQuestionnaire(
  measure: Measure | QuestionSet,
  events: readonly (QuestionnaireEvent | string)[],
  options: { context?: Omit<StepContext, 'measure'>; from?: QuestionnaireState } = {},
): Run {
  const given = 'asked' in measure ? { questions: measure } : { measure };
  let state = options.from ?? newQuestionnaireState('assessment-1', measure.id);
  const all: (QuestionnaireEvent | string)[] = options.from ? [...events] : [{ type: 'start' }, ...events];
  const turns: (readonly QuestionnaireEffect[])[] = [];
  all.forEach((event, i) => {
    const now = new Date(startTime.getTime() + i * 60_000);
    const result = step(state, typeof event === 'string' ? { type: 'reply', text: event } : event, now, { ...given, ...options.context });
    state = result.state;
    turns.push(result.effects);
  });
  const last = turns[turns.length - 1] ?? [];
  return { state, turns, last, lastSent: sentTexts(last) };
}

export function sentTexts(effects: readonly QuestionnaireEffect[]): string[] {
  return effects.flatMap((effect) => (effect.type === 'send' ? [effect.text] : []));
}

/** The effects as short tags ("send:question", "risk", ...) to check their order. */
export function effectTags(effects: readonly QuestionnaireEffect[]): string[] {
  return effects.map((effect) => (effect.type === 'send' ? `send:${effect.purpose}` : effect.type));
}
