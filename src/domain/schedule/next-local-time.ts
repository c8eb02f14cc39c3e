import { addLocalDays, isoWeekday } from './local-date-time.js';
import { parseTimeOfDay } from './time-of-day.js';
import { utcToZoned } from './utc-to-zoned.js';
import { zonedTimeToUtc } from './zoned-time-to-utc.js';

/**
 * The first instant strictly after `instant` when the local clock shows `time` ("09:30"), e.g. the
 * worker's daily digest. Strictly after, so a job that reschedules itself at 09:30:00.000 does not
 * fire twice. On the spring-forward day a time in the gap moves forward; in the autumn overlap the
 * first occurrence counts, so the digest goes once.
 */
export function nextLocalTime(instant: Date, time: string, timeZone: string): Date {
  return nextLocalTimeOn(instant, time, timeZone, () => true);
}

/** As nextLocalTime, on the first local date that `accept` (given the ISO weekday, Monday 1) allows. */
export function nextLocalTimeOn(instant: Date, time: string, timeZone: string, accept: (isoWeekday: number) => boolean): Date {
  const { hour, minute } = parseTimeOfDay(time);
  const today = utcToZoned(instant, timeZone);
  // Eight days always reach the same weekday next week, even when today's slot has passed.
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = addLocalDays(today, offset);
    if (!accept(isoWeekday(date))) continue;
    const candidate = zonedTimeToUtc({ ...date, hour, minute }, timeZone);
    if (candidate.getTime() > instant.getTime()) return candidate;
  }
  throw new RangeError('nextLocalTimeOn: no local date in the coming week is accepted');
}
