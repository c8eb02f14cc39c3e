import { randomUUID } from 'node:crypto';
import type { TurnLocks } from '../ports/turn-locks.js';

/**
 * Runs `work` holding a number's turn lock, for a change to someone's record made from outside
 * their own turn (a worker enrols, withdraws or discharges them). Their turn, if one is running,
 * is waited for briefly (a turn takes well under a second); still busy after that, it gives up
 * with an error the caller can show ("try again in a moment"). `tookOver`: see TurnLocks.
 */
export async function withNumberLock<T>(deps: { locks: TurnLocks }, phoneHash: string, work: (lock: { tookOver: boolean }) => Promise<T>): Promise<T> {
  const owner = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const outcome = await deps.locks.acquire(phoneHash, owner, 60_000);
    if (outcome !== 'busy') {
      let finished = false;
      try {
        const result = await work({ tookOver: outcome === 'taken-over' });
        finished = true;
        return result;
      } finally {
        await deps.locks.release(phoneHash, owner, finished ? 'finished' : 'unfinished');
      }
    }
    if (attempt >= 20) throw new NumberBusyError();
    await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 25));
  }
}

export class NumberBusyError extends Error {
  constructor() {
    super("that person's messages are being handled right now: please try again in a moment");
    this.name = 'NumberBusyError';
  }
}
