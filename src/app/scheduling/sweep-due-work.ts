import type { Logger } from '../../logger.js';
import type { Clock } from '../ports/clock.js';
import { dueItemId, type DueItem, type DueKind, type DueWork } from '../ports/due-work.js';
import type { JobOutcome } from '../ports/job-scheduler.js';
import { allowedInstant } from './due-work-scheduler.js';

export interface SweepDeps {
  due: DueWork;
  handlers: Record<DueKind, (subjectId: string) => Promise<JobOutcome>>;
  clock: Clock;
  logger: Logger;
  timezone: string;
  /** Who claims: one per process. */
  owner: string;
  leaseMs: number;
  batchSize: number;
  concurrency: number;
}

export interface SweepResult {
  /** Due items seen (up to a window of several batches). */
  seen: number;
  claimed: number;
  acted: number;
  voided: number;
  failed: number;
}

/** A failing item is tried again after this long (its error is logged each time). */
const retryAfterMs = 5 * 60_000;

/**
 * One batch of due work: read a window of due items, claim up to a batch of those nobody holds
 * (see createMongoDueWork for why claims are safe with several processes), drop the void ones (an
 * item whose action and subject have a newer version, or a cancellation), run the rest with
 * bounded concurrency, and record what came of them in a few writes: the items deferred ("wake me
 * again at...", same version, so a reschedule made meanwhile still wins) in one insert, then the
 * finished ones deleted in one. A crash anywhere leaves items claimed; their lease runs out and the
 * next sweep runs them again, which the handlers make harmless (they re-read the state and commit
 * each text under a deterministic id).
 */
export async function sweepDueWork(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const window = await deps.due.due(now, deps.batchSize * 5);
  const result: SweepResult = { seen: window.length, claimed: 0, acted: 0, voided: 0, failed: 0 };
  if (window.length === 0) return result;
  const won = await deps.due.claim(window, deps.owner, deps.leaseMs, deps.batchSize);
  result.claimed = won.length;
  if (won.length === 0) return result;

  const related = await deps.due.sameSubjects(won);
  const newest = new Map<string, number>();
  for (const item of related) newest.set(keyOf(item), Math.max(newest.get(keyOf(item)) ?? -Infinity, item.version));
  const finished = new Set<string>();
  const live: DueItem[] = [];
  const stillThere = new Set(related.map((item) => item.id));
  for (const item of won) {
    // Finished by another sweep between our reading it and claiming it: not ours to do again.
    if (!stillThere.has(item.id)) continue;
    if (item.cancelled || item.version < (newest.get(keyOf(item)) ?? item.version)) finished.add(item.id);
    else live.push(item);
  }
  // What a newer version voided goes with this batch, due or not, so it can never come back.
  const latestKeys = new Set(won.map(keyOf));
  for (const item of related) if (latestKeys.has(keyOf(item)) && item.version < (newest.get(keyOf(item)) ?? item.version)) finished.add(item.id);
  result.voided = finished.size;

  const deferred: DueItem[] = [];
  await forEachBounded(live, deps.concurrency, async (item) => {
    let outcome: JobOutcome;
    try {
      outcome = await deps.handlers[item.kind](item.subject);
      result.acted++;
    } catch (error) {
      result.failed++;
      deps.logger.error({ err: error, kind: item.kind, subject: item.subject }, 'due item failed; trying again later');
      outcome = { deferUntil: new Date(deps.clock.now().getTime() + retryAfterMs), note: 'failed' };
    }
    if ('deferUntil' in outcome) {
      const next = { kind: item.kind, subject: item.subject, version: item.version, dueAt: allowedInstant(item.kind, outcome.deferUntil, deps.timezone) };
      // Deferred to its own instant (a job that keeps its time): it stays as it is.
      const id = dueItemId(next);
      if (id !== item.id) {
        deferred.push({ ...next, id });
        finished.add(item.id);
      }
    } else {
      finished.add(item.id);
    }
    deps.logger.debug({ kind: item.kind, subject: item.subject, outcome }, 'due item ran');
  });
  await deps.due.add(deferred);
  await deps.due.finish([...finished]);
  return result;
}

function keyOf(item: Pick<DueItem, 'kind' | 'subject'>): string {
  return `${item.kind}|${item.subject}`;
}

/** Runs `work` on every item, at most `limit` at a time. */
export async function forEachBounded<T>(list: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await work(list[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
}
