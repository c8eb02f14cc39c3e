import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { ReplyLoopState } from '../../domain/messaging/reply-budget.js';
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
 * the actions. False when someone else changed the conversation
 * since it was read (the caller runs the turn again on fresh state); nothing has been done then.
 * `deps` is the turn's own (scopeToTurn with the same key). `replyLoop`: the number's reply count
 * (replyLoopToSave), saved in the same write.
 */
export async function commitTurn(deps: Pick<CaseDeps, 'audit' | 'cases' | 'clock' | 'contacts' | 'jobs' | 'logger' | 'org' | 'send' | 'sendMany' | 'staff'>, next: Conversation, target: TurnTarget, actions: TurnAction[], touch?: { channel: Channel; at: Date }, replyLoop?: ReplyLoopState): Promise<boolean> {
  const recentTurns = [...(next.recentTurns ?? []).filter((key) => key !== target.key), target.key].slice(-rememberedTurns);
  const { enrolment: _enrolment, contact: _contact, ...where } = target;
  const saved = await deps.contacts.saveConversation({ ...next, lastTurn: { ...where, actions }, recentTurns }, touch, replyLoop);
  if (!saved) return false;
  await applyTurnActions(deps, target, actions);
  return true;
}

/** Performs a committed turn's actions again (after a crash), with its own ids: each happens once. */
export async function finishCommittedTurn(base: CaseDeps, conversation: Conversation, turn: CommittedTurn): Promise<void> {
  const enrolment = conversation.enrolment ?? (await base.cases.enrolment(conversation.enrolmentId)) ?? undefined;
  await applyTurnActions(scopeToTurn(base, turn.key), { ...turn, ...(enrolment ? { enrolment } : {}) }, turn.actions);
}

/**
 * Before a turn decides anything, when it took its number's lock over from a turn that died or
 * failed (TurnLocks): that turn may have committed actions it never finished, and this turn's
 * commit is about to replace them, so they are finished now. A lock released normally means the
 * last turn finished, so the usual turn pays nothing for this. `base` is the unscoped dependencies.
 */
export async function finishPreviousTurn(base: CaseDeps, conversation: Conversation | null, key: string, lock: { tookOver: boolean }): Promise<void> {
  const previous = conversation?.lastTurn;
  if (lock.tookOver && conversation && previous && previous.key !== key) await finishCommittedTurn(base, conversation, previous);
}

/** Raised when a turn kept losing the race for its conversation: the inbox tries it again later. */
export class ConversationBusyError extends Error {
  constructor(key: string) {
    super(`the conversation kept changing while turn ${key} ran; it will be tried again`);
    this.name = 'ConversationBusyError';
  }
}
