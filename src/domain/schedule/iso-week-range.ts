import { isoWeekMonday, requireIsoWeek } from './iso-week.js';
import { addLocalDays, type LocalDate } from './local-date-time.js';
import { zonedTimeToUtc } from './zoned-time-to-utc.js';

/**
 * A week as a half-open range of instants [start, end): Monday 00:00 local to the next Monday
 * 00:00 local. A week with a clock change is 167 or 169 hours long, as it is for the people in it.
 * Throws RangeError for a malformed label.
 */
export function isoWeekRange(label: string, timeZone: string): { start: Date; end: Date } {
  const monday = isoWeekMonday(requireIsoWeek(label));
  return { start: midnight(monday, timeZone), end: midnight(addLocalDays(monday, 7), timeZone) };
}

function midnight(date: LocalDate, timeZone: string): Date {
  return zonedTimeToUtc({ ...date, hour: 0, minute: 0 }, timeZone);
}
