import type { FollowUpRate } from './follow-up-rate.js';

export interface RankedWorker extends FollowUpRate {
  readonly workerId: string;
  readonly name: string;
}

/**
 * The best and lowest follow-up rates among workers who had something due (a worker with nothing
 * due has no rate to compare). Ties go to the name first in alphabetical order, so the same data
 * always names the same people. The lowest is chosen from the workers other than the best, so one
 * person is never both; with fewer than two rated workers there is no lowest.
 */
export function rankWorkers<T extends RankedWorker>(workers: readonly T[]): { best: T | null; lowest: T | null } {
  const rated = workers.filter((worker): worker is T & { rate: number } => worker.rate !== null);
  const best = [...rated].sort((a, b) => b.rate - a.rate || byName(a, b))[0] ?? null;
  const lowest = rated.filter((worker) => worker !== best).sort((a, b) => a.rate - b.rate || byName(a, b))[0] ?? null;
  return { best, lowest };
}

export function byName(a: RankedWorker, b: RankedWorker): number {
  return a.name.localeCompare(b.name, 'en') || (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0);
}
