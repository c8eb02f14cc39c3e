import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { TurnOutcome } from '../cases/handle-turn.js';
import type { Clock } from '../ports/clock.js';
import type { InboundMessage, MessageLog } from '../ports/message-log.js';
import type { TurnLocks } from '../ports/turn-locks.js';

export interface InboxDeps {
  messages: MessageLog;
  locks: TurnLocks;
  clock: Clock;
  logger: Logger;
  /**
   * Runs the bot's turn for one message; throws when the turn could not be completed. `tookOver`:
   * the number's lock was left by a turn that died, so the turn first finishes what that one committed.
   */
  runTurn(message: InboundMessage, lock: { tookOver: boolean }): Promise<TurnOutcome>;
  /** A message whose turn failed for the last time: whoever should know is told. */
  onTurnFailed(message: InboundMessage, error: string): Promise<void>;
  lockTtlMs?: number;
  /** Wall-clock waits between tries of a failing turn; one more failure after the last is final. */
  retryDelaysMs?: number[];
}

/** About three minutes in all: long enough to ride out a database hiccup, short enough to tell someone today. */
export const defaultRetryDelaysMs = [2_000, 10_000, 30_000, 120_000];

/** What a drain did: the turns it ran, and whether it has to come back (the lock was busy, or a failed turn waits). */
export interface DrainResult {
  turns: number;
  /** Another turn holds the number: whoever asked should look again shortly. */
  busy: boolean;
  /** A failed turn waits until then (wall clock) before it is tried again. */
  retryAt?: Date;
}

/**
 * Runs the turns waiting for one number, one at a time and in arrival order, across every server
 * process: whoever holds the number's lock works through the messages waiting when it took the
 * lock; anyone who finds the lock held comes back shortly (see createInbox), which is how a message
 * that arrives during a turn gets its own. One look at the queue per drain, so an answer costs one
 * read of it.
 *
 * A turn that throws is not lost: the message stays received and is tried again after a growing
 * wait (wall clock), and the number's later messages wait behind it so answers stay in order.
 * After the last try it is kept as 'failed' with the error, logged at error level, and the person
 * who should know is told (onTurnFailed); the queue then moves on.
 */
export async function drainInbox(deps: InboxDeps, phoneHash: string): Promise<DrainResult> {
  const owner = randomUUID();
  const lock = await deps.locks.acquire(phoneHash, owner, deps.lockTtlMs ?? 60_000);
  if (lock === 'busy') return { turns: 0, busy: true };
  // A turn that failed may have committed actions it did not finish: the next turn on this
  // number finishes them (as when the lock was taken over from a dead process).
  let tookOver = lock === 'taken-over';
  let turns = 0;
  let retryAt: Date | undefined;
  let finished = false;
  try {
    for (const message of await deps.messages.waiting(phoneHash)) {
      if (message.retryAfter && message.retryAfter > new Date()) {
        retryAt = message.retryAfter;
        break;
      }
      const outcome = await runOne(deps, message, tookOver);
      tookOver = outcome.kind !== 'processed';
      if (outcome.kind === 'retrying') {
        retryAt = outcome.retryAfter;
        break;
      }
      turns++;
    }
    finished = !tookOver;
  } finally {
    await deps.locks.release(phoneHash, owner, finished ? 'finished' : 'unfinished');
  }
  return { turns, busy: false, ...(retryAt ? { retryAt } : {}) };
}

/** One turn: processed, failed for good, or waiting to be tried again. */
async function runOne(deps: InboxDeps, message: InboundMessage, tookOver: boolean): Promise<{ kind: 'processed' | 'failed' } | { kind: 'retrying'; retryAfter: Date }> {
  let outcome: TurnOutcome;
  try {
    outcome = await deps.runTurn(message, { tookOver });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const delays = deps.retryDelaysMs ?? defaultRetryDelaysMs;
    const attempts = (message.attempts ?? 0) + 1;
    const delay = delays[attempts - 1];
    const at = deps.clock.now();
    if (delay !== undefined) {
      deps.logger.warn({ err: error, messageId: message.id, attempts }, 'turn failed; it will be tried again');
      const retryAfter = new Date(Date.now() + delay);
      await deps.messages.markTurnFailed(message.id, { at, attempts, error: text, retryAfter });
      return { kind: 'retrying', retryAfter };
    }
    deps.logger.error({ err: error, messageId: message.id, attempts }, 'turn failed for the last time; the message is kept as failed');
    await deps.messages.markTurnFailed(message.id, { at, attempts, error: text });
    await deps.onTurnFailed(message, text).catch((notifyError: unknown) => deps.logger.error({ err: notifyError, messageId: message.id }, 'could not tell anyone about a failed turn'));
    return { kind: 'failed' };
  }
  await deps.messages.markProcessed(message.id, deps.clock.now(), outcome);
  return { kind: 'processed' };
}
