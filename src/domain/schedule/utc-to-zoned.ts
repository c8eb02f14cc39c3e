import type { LocalDateTime } from './local-date-time.js';
import { wallClockMs } from './local-date-time.js';

/** What a wall clock in `timeZone` reads at `instant`, to the second. Throws RangeError for an unknown zone. */
export function utcToZoned(instant: Date, timeZone: string): Required<LocalDateTime> {
  if (Number.isNaN(instant.getTime())) throw new RangeError('utcToZoned: invalid Date');
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** The zone's offset from UTC at `instant` in milliseconds (+3 600 000 for BST). */
export function utcOffsetMs(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const local = utcToZoned(new Date(wholeSecond), timeZone);
  return wallClockMs(local.year, local.month, local.day, local.hour, local.minute, local.second) - wholeSecond;
}

// Building a DateTimeFormat is by far the slowest step, and schedules convert many instants in one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // h23, not hour12: false, which some ICU versions render as "24" for midnight.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
