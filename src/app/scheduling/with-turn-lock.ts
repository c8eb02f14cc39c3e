import { randomUUID } from 'node:crypto';
import type { JobOutcome } from '../ports/job-scheduler.js';
import type { CaseDeps } from '../cases/case-deps.js';

/**
 * A job that talks to someone takes the same per-number lock as their replies, so a reminder never
 * interleaves with an answer being processed. If a turn holds it, the job comes back in a minute.
 * `tookOver`: the lock was left by a turn that died, which the job must finish before its own.
 */
export async function withTurnLock(deps: Pick<CaseDeps, 'locks' | 'clock'>, phoneHash: string, work: (lock: { tookOver: boolean }) => Promise<JobOutcome>): Promise<JobOutcome> {
  const owner = randomUUID();
  const outcome = await deps.locks.acquire(phoneHash, owner, 60_000);
  if (outcome === 'busy') return { deferUntil: new Date(deps.clock.now().getTime() + 60_000), note: 'a turn is in progress' };
  let finished = false;
  try {
    const result = await work({ tookOver: outcome === 'taken-over' });
    finished = true;
    return result;
  } finally {
    // A job that failed part-way leaves the lock for the next turn on this number to take over.
    await deps.locks.release(phoneHash, owner, finished ? 'finished' : 'unfinished');
  }
}
