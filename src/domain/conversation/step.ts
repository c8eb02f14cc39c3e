import { askCurrentItem } from './ask-current-item.js';
import { completeQuestionnaire } from './complete-questionnaire.js';
import { handleReply } from './handle-reply.js';
import type { QuestionnaireEvent } from './questionnaire-event.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import { questionnaireWording } from './questionnaire-wording.js';
import { reaskCurrentItem } from './reask-current-item.js';
import type { ResolvedStepContext, StepContext } from './step-context.js';
import type { StepResult } from './step-result.js';
import { matchReplyCommand } from '../measures/match-reply-command.js';
import { measureUsability } from '../measures/measure-usability.js';
import { normaliseReply } from '../measures/normalise-reply.js';
import { buildQuestionSet } from '../measures/question-set.js';

/**
 * The questionnaire as a state machine: one event in, the next state and the effects to perform
 * out, in order. Pure: time comes in as `now`, and sending, storing and alerting are effects. An
 * unreadable reply is a transition that asks again, never an exception; this throws only when it is
 * handed a measure that does not match the state or cannot be used (checked when a programme is set up).
 * Several measures at one timepoint come as one question set (context.questions): the machine walks
 * its questions as one list and scores each measure on its own at the end.
 *
 * Status by status: not-started waits for `start`; asking and paused take replies (a paused
 * question can still be answered); completed ignores everything; stopped wakes only for the
 * person's own START, never for the scheduler, so an opt-out cannot be undone by a stale job.
 */
export function step(state: QuestionnaireState, event: QuestionnaireEvent, now: Date, context: StepContext): StepResult {
  const resolved = resolve(state, context);
  const unchanged: StepResult = { state, effects: [] };
  if (state.status === 'completed') return unchanged;
  if (state.status === 'stopped') {
    return event.type === 'reply' && isStart(event.text) ? reaskCurrentItem(withoutStop(state), resolved) : unchanged;
  }
  if (state.status === 'not-started') {
    if (event.type === 'reply' && matchReplyCommand(normaliseReply(event.text)) === 'STOP') {
      return { state: { ...state, status: 'stopped', stoppedAt: now }, effects: [{ type: 'stop' }] };
    }
    // Whatever arrives first opens the questionnaire; a reply before any question is not an answer.
    return start(state, now, resolved);
  }
  switch (event.type) {
    case 'start':
    case 'resume':
      return reaskCurrentItem(state, resolved);
    case 'reminder-due':
      // A worker has been asked to help with this item; reminding would only repeat the problem.
      if (state.pausedReason === 'invalid-replies') return unchanged;
      return reaskCurrentItem(state, resolved, questionnaireWording.reminderPrefix);
    case 'reply':
      return handleReply(state, event.text, now, resolved, event.mediaCount ?? 0);
  }
}

// Begins at the first unanswered item, so a questionnaire begun with some answers carries on.
function start(state: QuestionnaireState, now: Date, context: ResolvedStepContext): StepResult {
  const index = context.measure.items.findIndex((item) => state.answers[item.id] === undefined);
  const started: QuestionnaireState = { ...state, status: 'asking', currentIndex: Math.max(index, 0), invalidAttempts: 0, startedAt: now };
  if (index === -1) return completeQuestionnaire(started, now, context);
  return { state: started, effects: [askCurrentItem(started, context)] };
}

function resolve(state: QuestionnaireState, context: StepContext): ResolvedStepContext {
  const questions = context.questions ?? (context.measure ? buildQuestionSet([context.measure]) : undefined);
  if (!questions) throw new Error(`questionnaire ${state.assessmentId}: no measure given`);
  const measure = questions.asked;
  if (state.measureId !== measure.id) throw new Error(`questionnaire ${state.assessmentId} is for ${state.measureId}, not ${measure.id}`);
  for (const part of questions.measures) {
    const usability = measureUsability(part, context.language);
    if (!usability.usable) throw new Error(usability.reason);
  }
  const usability = measureUsability(measure, context.language);
  if (!usability.usable) throw new Error(usability.reason);
  return { ...context, measure, questions, language: usability.language, maxInvalidAttempts: Math.max(0, context.maxInvalidAttempts ?? 2) };
}

function isStart(text: string): boolean {
  return matchReplyCommand(normaliseReply(text)) === 'START';
}

function withoutStop(state: QuestionnaireState): QuestionnaireState {
  const { stoppedAt: _stoppedAt, ...rest } = state;
  return rest;
}
