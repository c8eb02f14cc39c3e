import type { LocalDateTime } from './local-date-time.js';
import { wallClockMs } from './local-date-time.js';
import { utcOffsetMs } from './utc-to-zoned.js';

const day = 86_400_000;

/**
 * The instant a wall clock in `timeZone` shows `local`. Two readings need a rule:
 * - In the spring-forward gap the time never happens (01:30 on 29 Mar 2026 in London). We keep the
 *   offset in force before the gap, which moves the time forward by the gap's length (to 02:30 BST),
 *   so a message planned for the gap goes shortly after it rather than an hour early.
 * - In the autumn overlap the time happens twice (01:30 on 25 Oct 2026 in London). We take the
 *   first occurrence (01:30 BST), so nothing planned for that time waits an extra hour.
 * Throws RangeError for an impossible reading (month 13, 31 April, 24:00) or an unknown zone.
 */
export function zonedTimeToUtc(local: LocalDateTime, timeZone: string): Date {
  const second = local.second ?? 0;
  assertReal(local, second);
  const wall = wallClockMs(local.year, local.month, local.day, local.hour, local.minute, second);
  // Offsets a day either side bracket any single transition; zones never change twice in two days.
  const before = utcOffsetMs(wall - day, timeZone);
  const after = utcOffsetMs(wall + day, timeZone);
  const matches = [wall - before, wall - after]
    .filter((candidate) => candidate + utcOffsetMs(candidate, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wall - before);
}

function assertReal(local: LocalDateTime, second: number): void {
  const wall = new Date(wallClockMs(local.year, local.month, local.day, local.hour, local.minute, second));
  const real =
    [local.year, local.month, local.day, local.hour, local.minute, second].every(Number.isInteger) &&
    wall.getUTCFullYear() === local.year &&
    wall.getUTCMonth() + 1 === local.month &&
    wall.getUTCDate() === local.day &&
    wall.getUTCHours() === local.hour &&
    wall.getUTCMinutes() === local.minute &&
    wall.getUTCSeconds() === second;
  if (!real) throw new RangeError(`zonedTimeToUtc: ${JSON.stringify(local)} is not a real date and time`);
}
