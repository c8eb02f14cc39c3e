import type { CommittedTurn, Conversation } from '../ports/case-store.js';
import { applyTurnActions, type TurnTarget } from './apply-turn-actions.js';
import type { CaseDeps } from './case-deps.js';
import { scopeToTurn } from './scope-to-turn.js';
import type { TurnAction } from './turn-action.js';

/** How many turn keys a conversation remembers, to know a replayed message it has long moved past. */
const rememberedTurns = 8;

/**
 * What a conversation already knows of this turn: 'committed' (its actions are saved with the
 * state; perform them again, they are idempotent), 'consumed' (an earlier turn, since overtaken and
 * finished: nothing to do), or 'new'.
 */
export function turnSeen(conversation: Conversation | null, key: string): 'committed' | 'consumed' | 'new' {
  if (conversation?.lastTurn?.key === key) return 'committed';
  return conversation?.recentTurns?.includes(key) ? 'consumed' : 'new';
}

/**
 * The commit: the conversation's next state and the turn's actions in one versioned write, then
 * the actions, then a note that they are done. False when someone else changed the conversation
 * since it was read (the caller runs the turn again on fresh state); nothing has been done then.
 * `deps` is the turn's own (scopeToTurn with the same key).
 */
export async function commitTurn(deps: CaseDeps, next: Conversation, target: TurnTarget, actions: TurnAction[]): Promise<boolean> {
  const recentTurns = [...(next.recentTurns ?? []).filter((key) => key !== target.key), target.key].slice(-rememberedTurns);
  const { enrolment: _enrolment, ...where } = target;
  const saved = await deps.cases.saveConversation({ ...next, lastTurn: { ...where, actions }, recentTurns });
  if (!saved) return false;
  await applyTurnActions(deps, target, actions);
  await deps.cases.markTurnApplied(next.phoneHash, target.key);
  return true;
}

/** Performs a committed turn's actions again (after a crash), with its own ids, and notes it done. */
export async function finishCommittedTurn(base: CaseDeps, conversation: Conversation, turn: CommittedTurn): Promise<void> {
  const enrolment = await base.cases.enrolment(conversation.enrolmentId);
  await applyTurnActions(scopeToTurn(base, turn.key), { ...turn, ...(enrolment ? { enrolment } : {}) }, turn.actions);
  await base.cases.markTurnApplied(conversation.phoneHash, turn.key);
}

/**
 * Before a turn decides anything: a previous turn committed but never finished (its process died,
 * and this turn got the conversation first) is finished now, so nothing it decided is lost when
 * this turn's commit replaces it. `base` is the unscoped dependencies.
 */
export async function finishPreviousTurn(base: CaseDeps, conversation: Conversation | null, key: string): Promise<void> {
  const previous = conversation?.lastTurn;
  if (conversation && previous && !previous.applied && previous.key !== key) await finishCommittedTurn(base, conversation, previous);
}

/** Raised when a turn kept losing the race for its conversation: the inbox tries it again later. */
export class ConversationBusyError extends Error {
  constructor(key: string) {
    super(`the conversation kept changing while turn ${key} ran; it will be tried again`);
    this.name = 'ConversationBusyError';
  }
}
