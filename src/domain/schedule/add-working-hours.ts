import { utcToZoned } from './utc-to-zoned.js';
import { zonedTimeToUtc } from './zoned-time-to-utc.js';

/** Working hours: Monday to Friday, 09:00 to 17:00 local time. */
const dayStart = 9;
const dayEnd = 17;

/**
 * The instant `hours` working hours after `from`, counting only Monday-Friday 09:00-17:00 in the
 * organisation's time zone: an alert raised on Friday at 16:00 with 4 hours to run is due on Monday
 * at 12:00. Bank holidays are not known here.
 */
export function addWorkingHours(from: Date, hours: number, timeZone: string): Date {
  let remainingMs = hours * 3_600_000;
  let cursor = from;
  for (let guard = 0; guard < 400; guard++) {
    const local = utcToZoned(cursor, timeZone);
    const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
    const start = zonedTimeToUtc({ year: local.year, month: local.month, day: local.day, hour: dayStart, minute: 0 }, timeZone);
    const end = zonedTimeToUtc({ year: local.year, month: local.month, day: local.day, hour: dayEnd, minute: 0 }, timeZone);
    if (weekday !== 0 && weekday !== 6 && cursor < end) {
      const from = cursor < start ? start : cursor;
      const available = end.getTime() - from.getTime();
      if (remainingMs <= available) return new Date(from.getTime() + remainingMs);
      remainingMs -= available;
    }
    // On to the start of the next local day.
    const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
    cursor = zonedTimeToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone);
  }
  throw new RangeError('working hours could not be added');
}
