import { formatIsoWeek, isoWeekOfDate } from './iso-week.js';
import { utcToZoned } from './utc-to-zoned.js';

/** The ISO week label ("2026-W48") of the local date at `instant` in `timeZone`. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  return formatIsoWeek(isoWeekOfDate(utcToZoned(instant, timeZone)));
}
