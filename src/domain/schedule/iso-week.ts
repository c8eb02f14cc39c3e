import { addLocalDays, isoWeekday, wallClockMs, type LocalDate } from './local-date-time.js';

/** An ISO 8601 week: weeks run Monday to Sunday and week 1 is the one holding the year's first Thursday. */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/** Read "2026-W48"; null unless the week exists in that year (W53 only in 53-week years). */
export function parseIsoWeek(label: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(label.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(year) ? { year, week } : null;
}

export function formatIsoWeek(week: IsoWeek): string {
  return `${String(week.year).padStart(4, '0')}-W${String(week.week).padStart(2, '0')}`;
}

/** The ISO week a calendar date falls in; early January can belong to the previous year's last week. */
export function isoWeekOfDate(date: LocalDate): IsoWeek {
  const thursday = addLocalDays(date, 4 - isoWeekday(date));
  const daysIntoYear = (wallClockMs(thursday.year, thursday.month, thursday.day) - wallClockMs(thursday.year, 1, 1)) / 86_400_000;
  return { year: thursday.year, week: Math.floor(daysIntoYear / 7) + 1 };
}

export function isoWeekMonday(week: IsoWeek): LocalDate {
  // 4 January is always in week 1.
  const january4 = { year: week.year, month: 1, day: 4 };
  return addLocalDays(january4, 1 - isoWeekday(january4) + (week.week - 1) * 7);
}

export function isoWeeksInYear(year: number): 52 | 53 {
  return isoWeekOfDate({ year, month: 12, day: 28 }).week === 53 ? 53 : 52;
}

/** Reads a label or throws RangeError: for labels from code, where a bad one is a bug. */
export function requireIsoWeek(label: string): IsoWeek {
  const week = parseIsoWeek(label);
  if (week === null) throw new RangeError(`"${label}" is not an ISO week like 2026-W48`);
  return week;
}
