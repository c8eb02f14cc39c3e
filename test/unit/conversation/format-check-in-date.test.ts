import { formatCheckInDate } from '../../../src/domain/conversation/format-check-in-date.js';

const now = new Date('2026-01-20T10:00:00Z');

describe('writing the next check-in date', () => {
  it.each([
    ['2026-04-14T09:00:00Z', 'Europe/London', 'Tuesday 14 April'],
    // 23:30 UTC in British Summer Time is already 00:30 the next day in London.
    ['2026-04-14T23:30:00Z', 'Europe/London', 'Wednesday 15 April'],
    ['2026-04-14T23:30:00Z', 'UTC', 'Tuesday 14 April'],
    ['2026-02-01T12:00:00Z', 'Europe/London', 'Sunday 1 February'],
    ['2027-03-02T12:00:00Z', 'Europe/London', 'Tuesday 2 March 2027'],
  ])('when the check-in is at %s in %s, then it reads "%s"', (iso, timeZone, expected) => {
    expect(formatCheckInDate(new Date(iso), timeZone, now)).toBe(expected);
  });
});
