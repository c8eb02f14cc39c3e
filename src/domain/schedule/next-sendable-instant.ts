import { addLocalDays } from './local-date-time.js';
import { defaultSendWindow, parseSendWindow, type SendWindow } from './send-window.js';
import { secondsIntoDay } from './time-of-day.js';
import { utcToZoned } from './utc-to-zoned.js';
import { zonedTimeToUtc } from './zoned-time-to-utc.js';

/**
 * The earliest instant at or after `instant` when a business-initiated message may go: `instant`
 * itself inside the window, today's window start before it, tomorrow's after it. Replies to a
 * service-user who has just texted us are not held back by this.
 */
export function nextSendableInstant(instant: Date, timeZone: string, window: SendWindow = defaultSendWindow): Date {
  const { start, end } = parseSendWindow(window);
  const local = utcToZoned(instant, timeZone);
  const now = secondsIntoDay(local);
  if (now >= secondsIntoDay(start) && now < secondsIntoDay(end)) return instant;
  const date = now < secondsIntoDay(start) ? local : addLocalDays(local, 1);
  return zonedTimeToUtc({ year: date.year, month: date.month, day: date.day, ...start }, timeZone);
}
