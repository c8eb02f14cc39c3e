/** A calendar date as people write it in the organisation's zone: month and day count from 1. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock reading in some time zone. Seconds default to 0. */
export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

/**
 * Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. Out-of-range days
 * roll over (31 Jan + 1 = 1 Feb), which is what calendar arithmetic wants. setUTCFullYear is used
 * because Date.UTC would read years 0-99 as 1900-1999.
 */
export function wallClockMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Calendar arithmetic: the same wall-clock date `days` later, whatever the clocks do in between. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(wallClockMs(date.year, date.month, date.day + days));
}

/** ISO weekday of a calendar date: Monday 1 ... Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const weekday = new Date(wallClockMs(date.year, date.month, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function localDateOf(wallMs: number): LocalDate {
  const date = new Date(wallMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
