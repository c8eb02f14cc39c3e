import { randomUUID } from 'node:crypto';
import type { JobOutcome } from '../ports/job-scheduler.js';
import type { CaseDeps } from '../cases/case-deps.js';

/**
 * A job that talks to someone takes the same per-number lock as their replies, so a reminder never
 * interleaves with an answer being processed. If a turn holds it, the job comes back in a minute.
 */
export async function withTurnLock(deps: CaseDeps, phoneHash: string, work: () => Promise<JobOutcome>): Promise<JobOutcome> {
  const owner = randomUUID();
  if (!(await deps.locks.acquire(phoneHash, owner, 60_000))) {
    return { deferUntil: new Date(deps.clock.now().getTime() + 60_000), note: 'a turn is in progress' };
  }
  try {
    return await work();
  } finally {
    await deps.locks.release(phoneHash, owner);
  }
}
