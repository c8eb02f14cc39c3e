import { randomUUID } from 'node:crypto';
import type { TurnLocks } from '../ports/turn-locks.js';

/**
 * Runs `work` holding a number's turn lock, for a change to someone's record made from outside
 * their own turn (a worker enrols, withdraws or discharges them). Their turn, if one is running,
 * is waited for briefly (a turn takes well under a second); still busy after that, it gives up
 * with an error the caller can show ("try again in a moment"). `tookOver`: see TurnLocks.
 */
export async function withNumberLock<T>(deps: { locks: TurnLocks }, phoneHash: string, work: (lock: { tookOver: boolean }) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const held = await tryWithNumberLock(deps, phoneHash, work);
    if (held !== busy) return held;
    if (attempt >= 20) throw new NumberBusyError();
    await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 25));
  }
}

/** What tryWithNumberLock answers when a turn holds the number. */
export const busy = Symbol('busy');

/**
 * Runs `work` holding the number's lock if it is free (or left by a dead holder: `tookOver`), else
 * answers `busy` at once. Work that throws leaves the lock 'unfinished', for the next holder to
 * finish what it committed.
 */
export async function tryWithNumberLock<T>(deps: { locks: TurnLocks }, phoneHash: string, work: (lock: { tookOver: boolean }) => Promise<T>): Promise<T | typeof busy> {
  const owner = randomUUID();
  const outcome = await deps.locks.acquire(phoneHash, owner, 60_000);
  if (outcome === 'busy') return busy;
  let finished = false;
  try {
    const result = await work({ tookOver: outcome === 'taken-over' });
    finished = true;
    return result;
  } finally {
    await deps.locks.release(phoneHash, owner, finished ? 'finished' : 'unfinished');
  }
}

export class NumberBusyError extends Error {
  constructor() {
    super("that person's messages are being handled right now: please try again in a moment");
    this.name = 'NumberBusyError';
  }
}
