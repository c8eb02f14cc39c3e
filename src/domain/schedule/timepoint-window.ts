import { addLocalDays, type LocalDate } from './local-date-time.js';
import { nextSendableInstant } from './next-sendable-instant.js';
import { defaultSendWindow, parseSendWindow } from './send-window.js';
import { parseTimeOfDay } from './time-of-day.js';
import { defaultSendTime, type ScheduledTimepoint, type ScheduleOptions } from './timepoint-plan.js';
import { utcToZoned } from './utc-to-zoned.js';
import { zonedTimeToUtc } from './zoned-time-to-utc.js';

export interface TimepointWindowRequest {
  /** The instant the offset counts from: baseline completed, or enrolment marked done. */
  readonly anchor: Date;
  readonly offsetDays: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
}

/**
 * Place one timepoint in the organisation's calendar. Days are local calendar days, so a 3-week
 * follow-up of a 10:00 GMT baseline is due at 10:00 BST after the clocks change, not at 11:00.
 * The due instant is never before the anchor (a same-day discharge question at 15:00 goes at 15:00,
 * not at a 10:00 already past) and never in quiet hours; the window never opens before the anchor.
 */
export function timepointWindow(
  request: TimepointWindowRequest,
  timeZone: string,
  options: ScheduleOptions = {},
): Pick<ScheduledTimepoint, 'dueAt' | 'opensAt' | 'closesAt'> {
  const window = options.window ?? defaultSendWindow;
  const { start, end } = parseSendWindow(window);
  const sendTime = parseTimeOfDay(options.sendTime ?? defaultSendTime);
  const at = (date: LocalDate, time: { hour: number; minute: number }) =>
    zonedTimeToUtc({ year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute }, timeZone);

  const planned = at(addLocalDays(utcToZoned(request.anchor, timeZone), request.offsetDays), sendTime);
  const dueAt = nextSendableInstant(later(planned, request.anchor), timeZone, window);
  const dueDate = utcToZoned(dueAt, timeZone);
  const opensAt = later(at(addLocalDays(dueDate, -request.windowBeforeDays), start), request.anchor);
  const closesAt = at(addLocalDays(dueDate, request.windowAfterDays), end);
  return { dueAt, opensAt, closesAt };
}

function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
