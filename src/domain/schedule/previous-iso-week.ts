import { formatIsoWeek, isoWeekMonday, isoWeekOfDate, requireIsoWeek } from './iso-week.js';
import { addLocalDays } from './local-date-time.js';

/** The week before `label`: "2026-W01" gives "2025-W52", "2021-W01" gives "2020-W53". Throws RangeError for a bad label. */
export function previousIsoWeek(label: string): string {
  return formatIsoWeek(isoWeekOfDate(addLocalDays(isoWeekMonday(requireIsoWeek(label)), -7)));
}
