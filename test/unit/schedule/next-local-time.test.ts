import { nextLocalTime } from '../../../src/domain/schedule/next-local-time.js';
import { nextMondayAt } from '../../../src/domain/schedule/next-monday-at.js';

const london = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('timing the worker digest', () => {
  it.each([
    ['2026-01-05T08:00:00Z', '2026-01-05T09:30:00Z'],
    ['2026-01-05T09:30:00Z', '2026-01-06T09:30:00Z'],
    ['2026-01-05T10:00:00Z', '2026-01-06T09:30:00Z'],
    ['2026-03-28T12:00:00Z', '2026-03-29T08:30:00Z'],
    ['2026-10-24T12:00:00Z', '2026-10-25T09:30:00Z'],
  ])('when it is %s, then the next 09:30 London digest is at %s', (now, next) => {
    expect(nextLocalTime(at(now), '09:30', london)).toEqual(at(next));
  });

  it('when the digest time falls in the spring-forward gap, then it goes just after the gap that night', () => {
    expect(nextLocalTime(at('2026-03-28T12:00:00Z'), '01:30', london)).toEqual(at('2026-03-29T01:30:00Z'));
  });

  it('when the digest time happens twice as the clocks go back, then it goes once, at the first occurrence', () => {
    const first = nextLocalTime(at('2026-10-24T12:00:00Z'), '01:30', london);
    expect(first).toEqual(at('2026-10-25T00:30:00Z'));
    expect(nextLocalTime(first, '01:30', london)).toEqual(at('2026-10-26T01:30:00Z'));
  });
});

describe('timing the weekly summary', () => {
  it.each([
    ['a Wednesday', '2026-11-25T12:00:00Z', '2026-11-30T09:00:00Z'],
    ['Monday before 09:00', '2026-11-30T08:59:00Z', '2026-11-30T09:00:00Z'],
    ['Monday at 09:00 exactly', '2026-11-30T09:00:00Z', '2026-12-07T09:00:00Z'],
    ['the Sunday the clocks go forward', '2026-03-29T12:00:00Z', '2026-03-30T08:00:00Z'],
    ['the Sunday the clocks go back', '2026-10-25T12:00:00Z', '2026-10-26T09:00:00Z'],
  ])('when it is %s, then the summary goes at the next Monday 09:00 London time', (_when, now, next) => {
    expect(nextMondayAt('09:00', london, at(now))).toEqual(at(next));
  });

  it('when the time is malformed, then it throws a RangeError', () => {
    expect(() => nextMondayAt('9 o clock', london, at('2026-11-25T12:00:00Z'))).toThrow(RangeError);
  });
});
