import { monthsBefore } from '../../../src/domain/schedule/months-before.js';

describe('monthsBefore: the retention cut-off for closed enrolments', () => {
  it('when it is 2 December 2028, then 24 months before is 2 December 2026 at the same time', () => {
    expect(monthsBefore(new Date('2028-12-02T11:00:00Z'), 24).toISOString()).toBe('2026-12-02T11:00:00.000Z');
  });

  it('when the day does not exist in the earlier month, then it is that month\'s last day', () => {
    expect(monthsBefore(new Date('2027-03-31T08:00:00Z'), 1).toISOString()).toBe('2027-02-28T08:00:00.000Z');
    expect(monthsBefore(new Date('2028-02-29T08:00:00Z'), 12).toISOString()).toBe('2027-02-28T08:00:00.000Z');
  });

  it('when it crosses a year, then the year goes back too', () => {
    expect(monthsBefore(new Date('2027-01-15T00:00:00Z'), 3).toISOString()).toBe('2026-10-15T00:00:00.000Z');
  });
});
