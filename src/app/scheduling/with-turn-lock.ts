import type { JobOutcome } from '../ports/job-scheduler.js';
import type { CaseDeps } from '../cases/case-deps.js';
import { busy, tryWithNumberLock } from '../cases/with-number-lock.js';

/**
 * A job that talks to someone takes the same per-number lock as their replies, so a reminder never
 * interleaves with an answer being processed. If a turn holds it, the job comes back in a minute.
 * `tookOver`: the lock was left by a turn that died, which the job must finish before its own.
 */
export async function withTurnLock(deps: Pick<CaseDeps, 'locks' | 'clock'>, phoneHash: string, work: (lock: { tookOver: boolean }) => Promise<JobOutcome>): Promise<JobOutcome> {
  const held = await tryWithNumberLock(deps, phoneHash, work);
  return held === busy ? { deferUntil: new Date(deps.clock.now().getTime() + 60_000), note: 'a turn is in progress' } : held;
}
