import fc from 'fast-check';
import { utcToZoned } from '../../../src/domain/schedule/utc-to-zoned.js';
import { zonedTimeToUtc } from '../../../src/domain/schedule/zoned-time-to-utc.js';

const london = 'Europe/London';
const zones = [london, 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Apia', 'UTC'];

describe('reading the wall clock at an instant', () => {
  it.each([
    ['2026-03-29T00:59:59Z', { year: 2026, month: 3, day: 29, hour: 0, minute: 59, second: 59 }],
    ['2026-03-29T01:00:00Z', { year: 2026, month: 3, day: 29, hour: 2, minute: 0, second: 0 }],
    ['2026-10-25T00:30:00Z', { year: 2026, month: 10, day: 25, hour: 1, minute: 30, second: 0 }],
    ['2026-10-25T01:30:00Z', { year: 2026, month: 10, day: 25, hour: 1, minute: 30, second: 0 }],
    ['2026-07-01T23:30:00Z', { year: 2026, month: 7, day: 2, hour: 0, minute: 30, second: 0 }],
  ])('when it is %s, then a London clock reads %j', (iso, expected) => {
    expect(utcToZoned(new Date(iso), london)).toEqual(expected);
  });

  it('when it is midnight, then the hour reads 0 rather than 24', () => {
    expect(utcToZoned(new Date('2026-01-05T00:00:00Z'), london).hour).toBe(0);
  });

  it('when the zone is unknown or the date invalid, then it throws a RangeError', () => {
    expect(() => utcToZoned(new Date(), 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => utcToZoned(new Date(NaN), london)).toThrow(RangeError);
  });
});

describe('finding the instant a wall clock shows a time', () => {
  it('when London is on BST, then 10:00 local is 09:00Z', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 4, day: 4, hour: 10, minute: 0 }, london)).toEqual(new Date('2026-04-04T09:00:00Z'));
  });

  it('when the time falls in the spring-forward gap (01:30 on 29 Mar 2026), then it moves forward to 02:30 BST', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, london)).toEqual(new Date('2026-03-29T01:30:00Z'));
    expect(utcToZoned(new Date('2026-03-29T01:30:00Z'), london)).toMatchObject({ hour: 2, minute: 30 });
  });

  it('when the time happens twice in the autumn overlap (01:30 on 25 Oct 2026), then the first (BST) occurrence is chosen', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, london)).toEqual(new Date('2026-10-25T00:30:00Z'));
  });

  it('when New York springs forward at 02:00, then 02:30 becomes 03:30 EDT', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toEqual(new Date('2026-03-08T07:30:00Z'));
  });

  it('when Sydney falls back in April, then 02:30 is the first (daylight) occurrence', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney')).toEqual(new Date('2026-04-04T15:30:00Z'));
  });

  it('when Samoa skipped 30 December 2011 entirely, then noon that day moves forward a whole day', () => {
    expect(zonedTimeToUtc({ year: 2011, month: 12, day: 30, hour: 12, minute: 0 }, 'Pacific/Apia')).toEqual(new Date('2011-12-30T22:00:00Z'));
  });

  it('when the zone has a 45-minute offset, then it is honoured', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 1, hour: 10, minute: 0 }, 'Asia/Kathmandu')).toEqual(new Date('2026-01-01T04:15:00Z'));
  });

  it.each([
    { year: 2026, month: 4, day: 31, hour: 10, minute: 0 },
    { year: 2026, month: 13, day: 1, hour: 10, minute: 0 },
    { year: 2026, month: 1, day: 1, hour: 24, minute: 0 },
    { year: 2026, month: 1, day: 1, hour: 9, minute: 60 },
    { year: 2026, month: 1, day: 1.5, hour: 9, minute: 0 },
  ])('when the reading %j is impossible, then it throws a RangeError', (local) => {
    expect(() => zonedTimeToUtc(local, london)).toThrow(RangeError);
  });

  it('when any instant is read on a wall clock and converted back, then the same wall time comes back, at the instant or an earlier occurrence', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = Math.floor(ms / 1000) * 1000;
        const local = utcToZoned(new Date(instant), zone);
        const back = zonedTimeToUtc(local, zone).getTime();
        expect(utcToZoned(new Date(back), zone)).toEqual(local);
        expect(back).toBeLessThanOrEqual(instant);
        expect(instant - back).toBeLessThanOrEqual(3 * 3600_000);
      }),
      { numRuns: 2000 },
    );
  });

  it('when any wall time is converted, then the clock at the result shows it, or a time at most the gap later', () => {
    const wall = (l: { year: number; month: number; day: number; hour: number; minute: number; second?: number }) =>
      Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second ?? 0);
    const readings = fc.record({
      year: fc.integer({ min: 1971, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(readings, fc.constantFrom(...zones), (local, zone) => {
        const shown = wall(utcToZoned(zonedTimeToUtc(local, zone), zone)) - wall(local);
        expect(shown).toBeGreaterThanOrEqual(0);
        expect(shown).toBeLessThanOrEqual(24 * 3600_000);
      }),
      { numRuns: 2000 },
    );
  });
});
