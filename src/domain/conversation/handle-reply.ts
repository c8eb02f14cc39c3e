import type { MeasureItem } from '../measures/measure.js';
import type { ReplyCommand } from '../measures/match-reply-command.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';
import { parseReply } from '../measures/parse-reply.js';
import { askCurrentItem } from './ask-current-item.js';
import { mayLeaveMissingInSet } from './may-leave-missing.js';
import type { QuestionnaireState } from './questionnaire-state.js';
import { questionnaireWording } from './questionnaire-wording.js';
import { reaskCurrentItem } from './reask-current-item.js';
import { recordAndAdvance } from './record-and-advance.js';
import type { ResolvedStepContext } from './step-context.js';
import type { StepResult } from './step-result.js';
import { withoutPause } from './without-pause.js';

/** A reply while a question is out (asking, or paused: a reply to a paused question still counts). */
export function handleReply(state: QuestionnaireState, text: string, now: Date, context: ResolvedStepContext, mediaCount = 0): StepResult {
  // A picture or a voice note alone is not a wrong answer: it cannot be read at all. Say so, and
  // leave the question as it was (no attempt counted, so it is never skipped or given up on for it).
  if (mediaCount > 0 && text.trim() === '') {
    const item = currentItem(state, context);
    return { state, effects: [{ type: 'send', text: normaliseToGsm7(questionnaireWording.mediaOnly(item, context.language)), purpose: 'reprompt' }] };
  }
  const parsed = parseReply(text, currentItem(state, context), context.language);
  if (parsed.kind === 'answer') return recordAndAdvance(state, { raw: text, value: parsed.value }, now, context);
  if (parsed.kind === 'invalid') return handleUnreadable(state, text, parsed.reason, now, context);
  return handleCommand(state, parsed.command, text, now, context);
}

function handleCommand(state: QuestionnaireState, command: ReplyCommand, text: string, now: Date, context: ResolvedStepContext): StepResult {
  switch (command) {
    case 'STOP':
      // No goodbye here: the channel layer owns opt-outs, their confirmation and the suppression list.
      return { state: { ...withoutPause(state), status: 'stopped', stoppedAt: now }, effects: [{ type: 'stop' }] };
    case 'START':
      return reaskCurrentItem(state, context);
    case 'SKIP':
      // parseReply turns SKIP on a required item into an invalid reply, so this item is optional.
      return recordAndAdvance(state, { raw: text, value: null }, now, context);
    case 'LATER':
      return {
        state: { ...state, status: 'paused', pausedReason: 'later' },
        effects: [{ type: 'send', text: questionnaireWording.later, purpose: 'later' }, { type: 'pause', until: 'next-reminder' }],
      };
    case 'HELP': {
      const engaged = stillListening(state);
      const help = questionnaireWording.help(currentItem(state, context), state.currentIndex > 0);
      return { state: engaged, effects: [{ type: 'send', text: normaliseToGsm7(help), purpose: 'help' }, askCurrentItem(engaged, context)] };
    }
    case 'BACK': {
      if (state.currentIndex === 0) {
        const engaged = stillListening(state);
        return { state: engaged, effects: [askCurrentItem(engaged, context, questionnaireWording.noEarlierQuestionPrefix, 'reprompt')] };
      }
      // The earlier answer stays until a new one replaces it, so going back and then LATER loses nothing.
      return reaskCurrentItem({ ...state, currentIndex: state.currentIndex - 1 }, context);
    }
  }
}

function handleUnreadable(state: QuestionnaireState, text: string, reason: string, now: Date, context: ResolvedStepContext): StepResult {
  const item = currentItem(state, context);
  const attempts = state.invalidAttempts + 1;
  const reprompt = { type: 'send', text: normaliseToGsm7(questionnaireWording.reprompt(reason, item, context.language)), purpose: 'reprompt' } as const;
  // Already handed to the worker: keep answering each message, but do not alert them again.
  if (state.status === 'paused' && state.pausedReason === 'invalid-replies') {
    return { state: { ...state, invalidAttempts: attempts }, effects: [reprompt] };
  }
  if (attempts <= context.maxInvalidAttempts) {
    return { state: { ...withoutPause(state), status: 'asking', invalidAttempts: attempts }, effects: [reprompt] };
  }
  if (mayLeaveMissingInSet(context.questions, item.id, state.answers)) {
    return recordAndAdvance(state, { raw: text, value: null }, now, context, questionnaireWording.movingOnPrefix);
  }
  return {
    state: { ...state, status: 'paused', pausedReason: 'invalid-replies', invalidAttempts: attempts },
    effects: [
      { type: 'send', text: normaliseToGsm7(questionnaireWording.pausedInvalid(item)), purpose: 'help' },
      { type: 'notify-worker', reason: 'paused-invalid', itemId: item.id },
    ],
  };
}

// A person asking for help or going back is engaged again, unless their worker has been called in.
function stillListening(state: QuestionnaireState): QuestionnaireState {
  return state.pausedReason === 'later' ? { ...withoutPause(state), status: 'asking' } : state;
}

function currentItem(state: QuestionnaireState, context: ResolvedStepContext): MeasureItem {
  const item = context.measure.items[state.currentIndex];
  if (!item) throw new Error(`${context.measure.id} has no item at position ${state.currentIndex + 1}`);
  return item;
}
