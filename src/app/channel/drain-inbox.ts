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
  /** Runs the bot's turn for one message. Throws when the turn could not be completed. */
  runTurn(message: InboundMessage): Promise<TurnOutcome>;
  /** A message whose turn failed for the last time: whoever should know is told. */
  onTurnFailed(message: InboundMessage, error: string): Promise<void>;
  lockTtlMs?: number;
  /** Wall-clock waits between tries of a failing turn; one more failure after the last is final. */
  retryDelaysMs?: number[];
}

/** About three minutes in all: long enough to ride out a database hiccup, short enough to tell someone today. */
export const defaultRetryDelaysMs = [2_000, 10_000, 30_000, 120_000];

/**
 * Runs the turns waiting for one number, one at a time and in arrival order, across every server
 * process: whoever holds the number's lock works through its queue; the others leave their message
 * in the queue for the holder. After releasing, the holder looks once more, so a message that
 * arrived while it was releasing is not stranded (the periodic inbox sweep is the last resort).
 *
 * A turn that throws is not lost: the message stays received and is tried again after a growing
 * wait (wall clock), and the number's later messages wait behind it so answers stay in order.
 * After the last try it is kept as 'failed' with the error, logged at error level, and the person
 * who should know is told (onTurnFailed); the queue then moves on.
 */
export async function drainInbox(deps: InboxDeps, phoneHash: string): Promise<number> {
  const owner = randomUUID();
  let turns = 0;
  for (;;) {
    if (!(await deps.locks.acquire(phoneHash, owner, deps.lockTtlMs ?? 60_000))) return turns;
    let waiting = false;
    try {
      for (let message = await deps.messages.nextReceived(phoneHash); message; message = await deps.messages.nextReceived(phoneHash)) {
        if (message.retryAfter && message.retryAfter > new Date()) {
          waiting = true;
          break;
        }
        if (!(await runOne(deps, message))) {
          waiting = true;
          break;
        }
        turns++;
      }
    } finally {
      await deps.locks.release(phoneHash, owner);
    }
    if (waiting || !(await deps.messages.nextReceived(phoneHash))) return turns;
  }
}

/** One turn: true when the message is settled (processed, or failed for good), false when it waits for a retry. */
async function runOne(deps: InboxDeps, message: InboundMessage): Promise<boolean> {
  let outcome: TurnOutcome;
  try {
    outcome = await deps.runTurn(message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const delays = deps.retryDelaysMs ?? defaultRetryDelaysMs;
    const attempts = (message.attempts ?? 0) + 1;
    const delay = delays[attempts - 1];
    const at = deps.clock.now();
    if (delay !== undefined) {
      deps.logger.warn({ err: error, messageId: message.id, attempts }, 'turn failed; it will be tried again');
      await deps.messages.markTurnFailed(message.id, { at, attempts, error: text, retryAfter: new Date(Date.now() + delay) });
      return false;
    }
    deps.logger.error({ err: error, messageId: message.id, attempts }, 'turn failed for the last time; the message is kept as failed');
    await deps.messages.markTurnFailed(message.id, { at, attempts, error: text });
    await deps.onTurnFailed(message, text).catch((notifyError: unknown) => deps.logger.error({ err: notifyError, messageId: message.id }, 'could not tell anyone about a failed turn'));
    return true;
  }
  await deps.messages.markProcessed(message.id, deps.clock.now(), outcome);
  return true;
}
