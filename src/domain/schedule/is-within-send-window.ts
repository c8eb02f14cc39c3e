import { defaultSendWindow, parseSendWindow, type SendWindow } from './send-window.js';
import { secondsIntoDay } from './time-of-day.js';
import { utcToZoned } from './utc-to-zoned.js';

/** True when the local wall clock at `instant` is at or after the window start and before its end. */
export function isWithinSendWindow(instant: Date, timeZone: string, window: SendWindow = defaultSendWindow): boolean {
  const { start, end } = parseSendWindow(window);
  const now = secondsIntoDay(utcToZoned(instant, timeZone));
  return now >= secondsIntoDay(start) && now < secondsIntoDay(end);
}
