import type { TimeOfDay } from './time-of-day.js';
import { parseTimeOfDay, secondsIntoDay } from './time-of-day.js';

/**
 * The local hours in which we may start a conversation with a service-user ("never messaged at
 * night"). The start is inside the window and the end is not: with 09:00-20:00 a reminder may go
 * at 19:59 but not at 20:00. Windows do not wrap past midnight; quiet hours are the night.
 */
export interface SendWindow {
  readonly start: string;
  readonly end: string;
}

export const defaultSendWindow: SendWindow = { start: '09:00', end: '20:00' };

export interface ParsedSendWindow {
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
}

/** Throws RangeError for malformed times or a window that does not start before it ends. */
export function parseSendWindow(window: SendWindow): ParsedSendWindow {
  const start = parseTimeOfDay(window.start);
  const end = parseTimeOfDay(window.end);
  if (secondsIntoDay(start) >= secondsIntoDay(end)) {
    throw new RangeError(`send window ${window.start}-${window.end} must start before it ends on the same day`);
  }
  return { start, end };
}
