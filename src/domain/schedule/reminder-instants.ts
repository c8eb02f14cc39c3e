import { addLocalDays } from './local-date-time.js';
import { nextSendableInstant } from './next-sendable-instant.js';
import { defaultSendWindow, type SendWindow } from './send-window.js';
import { utcToZoned } from './utc-to-zoned.js';
import { zonedTimeToUtc } from './zoned-time-to-utc.js';

/**
 * When to chase an unanswered questionnaire or consent request: for each n in `afterDays`, the same
 * local clock time n calendar days after `openedAt` (so a clock change does not shift a reminder by
 * an hour), pushed forward into the send window. Reminders at or after `until` (usually the
 * window's close) are dropped: chasing an answer we can no longer use only annoys.
 */
export function reminderInstants(
  openedAt: Date,
  afterDays: readonly number[],
  timeZone: string,
  window: SendWindow = defaultSendWindow,
  options: { readonly until?: Date } = {},
): Date[] {
  const until = options.until?.getTime() ?? Infinity;
  return [...afterDays]
    .sort((a, b) => a - b)
    .map((days) => nextSendableInstant(sameLocalTimeDaysLater(openedAt, days, timeZone), timeZone, window))
    .filter((instant) => instant.getTime() < until);
}

/** `instant` moved `days` local calendar days on, keeping its local clock time. */
export function sameLocalTimeDaysLater(instant: Date, days: number, timeZone: string): Date {
  const local = utcToZoned(instant, timeZone);
  return zonedTimeToUtc({ ...local, ...addLocalDays(local, days) }, timeZone);
}
