import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Clock, InboundMessage, MessageLog, TurnLocks } from './ports.js';

export interface InboxDeps {
  messages: MessageLog;
  locks: TurnLocks;
  clock: Clock;
  logger: Logger;
  /** Runs the bot's turn for one message. A turn that throws is logged and its message kept as 'failed', so one bad message never blocks a person's later replies. */
  runTurn(message: InboundMessage): Promise<void>;
  lockTtlMs?: number;
}

/**
 * Runs the turns waiting for one number, one at a time and in arrival order, across every server
 * process: whoever holds the number's lock works through its queue; the others leave their message
 * in the queue for the holder. After releasing, the holder looks once more, so a message that
 * arrived while it was releasing is not stranded (the periodic inbox sweep is the last resort).
 */
export async function drainInbox(deps: InboxDeps, phoneHash: string): Promise<number> {
  const owner = randomUUID();
  let turns = 0;
  for (;;) {
    if (!(await deps.locks.acquire(phoneHash, owner, deps.clock.now(), deps.lockTtlMs ?? 60_000))) return turns;
    try {
      for (let message = await deps.messages.nextReceived(phoneHash); message; message = await deps.messages.nextReceived(phoneHash)) {
        let failure: string | undefined;
        try {
          await deps.runTurn(message);
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
          deps.logger.error({ err: error, messageId: message.id }, 'turn failed');
        }
        await deps.messages.markProcessed(message.id, deps.clock.now(), failure);
        turns++;
      }
    } finally {
      await deps.locks.release(phoneHash, owner);
    }
    if (!(await deps.messages.nextReceived(phoneHash))) return turns;
  }
}
