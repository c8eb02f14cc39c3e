import { isWithinSendWindow } from '../../domain/schedule/is-within-send-window.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import type { Clock } from '../ports/clock.js';
import { dueItemId, dueKinds, type DueItem, type DueKind, type DueWork } from '../ports/due-work.js';
import type { JobAction, JobScheduler } from '../ports/job-scheduler.js';

/** The kinds that text a service-user: due in quiet hours, they wait for the next allowed instant. */
const textsAPerson: ReadonlySet<DueKind> = new Set(['timepoint:open', 'timepoint:remind', 'consent:remind']);

export interface DueWorkSchedulerDeps {
  due: DueWork;
  /** For the recurring actions (the digest, the summary): Agenda. */
  recurring: JobScheduler;
  clock: Clock;
  timezone: string;
  /** Something is due now: sweep soon rather than at the next round. */
  wake(): void;
}

/**
 * The JobScheduler port over due items: `schedule` inserts an item with a new version (the older
 * items of that action and subject become void), `cancel` inserts a cancellation, and `realign`
 * has nothing to move, since items keep the service's own instant and the sweep compares it with
 * the clock as it reads now (it only wakes the sweep). Recurring actions go to Agenda as before.
 */
export function createDueWorkScheduler(deps: DueWorkSchedulerDeps): JobScheduler {
  const isDue = (action: JobAction): action is DueKind => (dueKinds as readonly string[]).includes(action);
  const add = async (item: Omit<DueItem, 'id' | 'version'>) => {
    const versioned = { ...item, version: nextVersion() };
    await deps.due.add([{ ...versioned, id: dueItemId(versioned) }]);
    if (item.dueAt <= deps.clock.now()) deps.wake();
  };
  return {
    async schedule(action, subjectId, at) {
      if (!isDue(action)) return deps.recurring.schedule(action, subjectId, at);
      await add({ kind: action, subject: subjectId, dueAt: allowedInstant(action, at, deps.timezone) });
    },
    async ensure(action, subjectId, at) {
      if (!isDue(action)) return deps.recurring.ensure(action, subjectId, at);
      await add({ kind: action, subject: subjectId, dueAt: allowedInstant(action, at, deps.timezone) });
    },
    async cancel(action, subjectId) {
      if (!isDue(action)) return deps.recurring.cancel(action, subjectId);
      await add({ kind: action, subject: subjectId, dueAt: deps.clock.now(), cancelled: true });
    },
    async realign() {
      const moved = await deps.recurring.realign();
      deps.wake();
      return moved;
    },
  };
}

/** An item that texts a person and falls in quiet hours moves to the next instant it may be sent. */
export function allowedInstant(kind: DueKind, at: Date, timezone: string): Date {
  return textsAPerson.has(kind) && !isWithinSendWindow(at, timezone) ? nextSendableInstant(at, timezone) : at;
}

let lastVersion = 0;

/**
 * Versions order the schedules of one action and subject: real milliseconds times 1000, made
 * strictly increasing within the process. Two processes rescheduling the same subject within the
 * same millisecond (their clocks a moment apart) is what the per-number lock already prevents.
 */
export function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}
