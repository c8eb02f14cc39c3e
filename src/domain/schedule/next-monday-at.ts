import { nextLocalTimeOn } from './next-local-time.js';

/** The first Monday `time` ("09:00") local strictly after `now`: when the weekly summary goes. */
export function nextMondayAt(time: string, timeZone: string, now: Date): Date {
  return nextLocalTimeOn(now, time, timeZone, (isoWeekday) => isoWeekday === 1);
}
