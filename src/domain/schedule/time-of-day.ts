/** A time on the 24-hour clock, as written in settings: "09:30". */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** Read "HH:MM" (or "H:MM"). Throws RangeError naming the bad value: these come from settings, not people texting. */
export function parseTimeOfDay(text: string): TimeOfDay {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (match === null || hour > 23 || minute > 59) {
    throw new RangeError(`"${text}" is not a time of day like 09:30 (24-hour clock, 00:00 to 23:59)`);
  }
  return { hour, minute };
}

export function secondsIntoDay(time: { hour: number; minute: number; second?: number }): number {
  return time.hour * 3600 + time.minute * 60 + (time.second ?? 0);
}
