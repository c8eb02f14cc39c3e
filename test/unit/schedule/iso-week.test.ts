import fc from 'fast-check';
import { isoWeekOf } from '../../../src/domain/schedule/iso-week-of.js';
import { isoWeekRange } from '../../../src/domain/schedule/iso-week-range.js';
import { parseIsoWeek } from '../../../src/domain/schedule/iso-week.js';
import { previousIsoWeek } from '../../../src/domain/schedule/previous-iso-week.js';

const london = 'Europe/London';
const at = (iso: string) => new Date(iso);
const hours = (range: { start: Date; end: Date }) => (range.end.getTime() - range.start.getTime()) / 3600_000;

describe('weeks for reports', () => {
  it('when the week is 2026-W48, then it runs from Monday 23 Nov 00:00 to Monday 30 Nov 00:00 London time', () => {
    expect(isoWeekRange('2026-W48', london)).toEqual({ start: at('2026-11-23T00:00:00Z'), end: at('2026-11-30T00:00:00Z') });
  });

  it('when the clocks go forward during the week, then the week is 167 hours long and ends at midnight BST', () => {
    const range = isoWeekRange('2026-W13', london);
    expect(range).toEqual({ start: at('2026-03-23T00:00:00Z'), end: at('2026-03-29T23:00:00Z') });
    expect(hours(range)).toBe(167);
  });

  it('when the clocks go back during the week, then the week is 169 hours long', () => {
    const range = isoWeekRange('2026-W43', london);
    expect(range).toEqual({ start: at('2026-10-18T23:00:00Z'), end: at('2026-10-26T00:00:00Z') });
    expect(hours(range)).toBe(169);
  });

  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2025-12-29T12:00:00Z', '2026-W01'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
  ])('when it is %s, then the week is %s', (iso, label) => {
    expect(isoWeekOf(at(iso), london)).toBe(label);
  });

  it('when it is late Sunday in London but already Monday in Berlin, then each zone puts it in its own week', () => {
    expect(isoWeekOf(at('2026-11-22T23:30:00Z'), london)).toBe('2026-W47');
    expect(isoWeekOf(at('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W48');
  });

  it.each([
    ['2026-W10', '2026-W09'],
    ['2026-W01', '2025-W52'],
    ['2021-W01', '2020-W53'],
    ['2027-W01', '2026-W53'],
  ])('when the week is %s, then the week before is %s', (label, previous) => {
    expect(previousIsoWeek(label)).toBe(previous);
  });

  it.each(['2026-W54', '2025-W53', '2026-W00', '2026-48', '2026-W4', 'W48'])('when the label is %j, then it is not a week', (label) => {
    expect(parseIsoWeek(label)).toBeNull();
    expect(() => isoWeekRange(label, london)).toThrow(RangeError);
    expect(() => previousIsoWeek(label)).toThrow(RangeError);
  });

  it('when any instant is labelled with its week, then that week range contains it and follows on from the previous week', () => {
    fc.assert(
      fc.property(fc.date({ min: at('1990-01-01T00:00:00Z'), max: at('2090-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(london, 'America/New_York', 'Australia/Sydney'), (instant, zone) => {
        const label = isoWeekOf(instant, zone);
        const range = isoWeekRange(label, zone);
        expect(range.start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(range.end.getTime()).toBeGreaterThan(instant.getTime());
        expect(isoWeekRange(previousIsoWeek(label), zone).end).toEqual(range.start);
      }),
      { numRuns: 500 },
    );
  });
});
