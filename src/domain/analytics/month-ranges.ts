import type { Period } from './analytics-records.js';
import { utcToZoned } from '../schedule/utc-to-zoned.js';
import { zonedTimeToUtc } from '../schedule/zoned-time-to-utc.js';

export interface MonthPeriod extends Period {
  /** "2026-11". */
  readonly label: string;
}

/**
 * The `count` calendar months in `timeZone` ending with the month that holds the instant just
 * before `end`, oldest first, each from the 1st 00:00 local to the next 1st 00:00 local.
 */
export function monthRanges(end: Date, timeZone: string, count: number): MonthPeriod[] {
  const last = utcToZoned(new Date(end.getTime() - 1), timeZone);
  const months: MonthPeriod[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = last.year * 12 + (last.month - 1) - back;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const next = index + 1;
    months.push({
      label: `${year}-${String(month).padStart(2, '0')}`,
      start: zonedTimeToUtc({ year, month, day: 1, hour: 0, minute: 0 }, timeZone),
      end: zonedTimeToUtc({ year: Math.floor(next / 12), month: (next % 12) + 1, day: 1, hour: 0, minute: 0 }, timeZone),
    });
  }
  return months;
}
