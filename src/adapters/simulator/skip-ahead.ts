import type { Db } from 'mongodb';
import type { CaseStore } from '../../app/ports/case-store.js';
import type { JobScheduler } from '../../app/ports/job-scheduler.js';
import type { ScaledClock } from '../clock/scaled-clock.js';
import { nextScheduledEvent } from './next-scheduled-event.js';
import { waitForDueJobs } from './wait-for-due-jobs.js';

export interface SkipAheadDeps {
  db: Db;
  cases: CaseStore;
  jobs: JobScheduler;
  clock: ScaledClock;
  sweepOutbox(): Promise<unknown>;
  /** After each step, so the page's clock can follow the skip as it goes. */
  onStep?(): Promise<void> | void;
}

/**
 * Moves the demo clock to `until` as if that time had passed: one scheduled event after another,
 * each at its own instant, then the rest of the way. Jumping straight there would run a week's
 * jobs at once, at the end: a reminder after its window had closed, an invitation deferred for
 * quiet hours and then found too late, a digest about "yesterday" that was a week ago.
 * Bounded: after `budgetMs` of real time the clock goes the rest of the way in one jump.
 */
export async function skipAhead(deps: SkipAheadDeps, until: Date, budgetMs = 30_000): Promise<void> {
  const deadline = Date.now() + budgetMs;
  let previous = Number.NEGATIVE_INFINITY;
  while (Date.now() < deadline) {
    const next = await nextScheduledEvent(deps.db, deps.cases, deps.clock.now());
    // A job that keeps its instant (one failing again and again) must not hold the skip in place.
    if (!next || next.at > until || next.at.getTime() <= previous) break;
    previous = next.at.getTime();
    await moveTo(deps, next.at, deadline);
    await deps.onStep?.();
  }
  await moveTo(deps, until, deadline);
}

/** Jumps the clock (never backwards), wakes the jobs at their new real instants, sends held texts, lets due jobs run. */
async function moveTo(deps: SkipAheadDeps, at: Date, deadline: number): Promise<void> {
  deps.clock.skip(Math.max(0, at.getTime() - deps.clock.now().getTime()));
  await deps.jobs.realign();
  await deps.sweepOutbox();
  await waitForDueJobs(deps.db, deps.clock, Math.max(500, Math.min(5000, deadline - Date.now())));
}
