import { isLate } from '../../../src/domain/schedule/is-late.js';
import { lapseInstant } from '../../../src/domain/schedule/lapse-instant.js';
import { reminderInstants } from '../../../src/domain/schedule/reminder-instants.js';

const london = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('chasing an unanswered questionnaire', () => {
  it('when a timepoint opened on Monday at 10:00, then reminders go on Wednesday and Saturday at 10:00', () => {
    expect(reminderInstants(at('2026-01-05T10:00:00Z'), [2, 5], london)).toEqual([at('2026-01-07T10:00:00Z'), at('2026-01-10T10:00:00Z')]);
  });

  it('when the clocks go forward between opening and a reminder, then the reminder keeps its local time (10:00 BST = 09:00Z)', () => {
    expect(reminderInstants(at('2026-03-26T10:00:00Z'), [2, 5], london)).toEqual([at('2026-03-28T10:00:00Z'), at('2026-03-31T09:00:00Z')]);
  });

  it('when the request went out at night, then each reminder waits for the next morning', () => {
    expect(reminderInstants(at('2026-01-05T21:00:00Z'), [2, 5], london)).toEqual([at('2026-01-08T09:00:00Z'), at('2026-01-11T09:00:00Z')]);
  });

  it('when a reminder would fall at or after the window closes, then it is dropped', () => {
    const reminders = reminderInstants(at('2026-01-05T10:00:00Z'), [2, 5], london, undefined, { until: at('2026-01-09T20:00:00Z') });
    expect(reminders).toEqual([at('2026-01-07T10:00:00Z')]);
  });

  it('when reminder days are given out of order, then reminders still come out in time order', () => {
    expect(reminderInstants(at('2026-01-05T10:00:00Z'), [5, 2], london)).toEqual([at('2026-01-07T10:00:00Z'), at('2026-01-10T10:00:00Z')]);
  });

  it('when there are no reminder days, then there are no reminders', () => {
    expect(reminderInstants(at('2026-01-05T10:00:00Z'), [], london)).toEqual([]);
  });
});

describe('deciding when a timepoint or consent request lapses', () => {
  it('when the rule is one day after the last reminder, then a Monday request lapses on Sunday at the same local time', () => {
    expect(lapseInstant(at('2026-01-05T10:00:00Z'), [2, 5], london, { after: 'last-reminder', days: 1 })).toEqual(at('2026-01-11T10:00:00Z'));
  });

  it('when the lapse day is the last Sunday of March, then it keeps the local time across the change', () => {
    expect(lapseInstant(at('2026-03-23T10:00:00Z'), [2, 5], london, { after: 'last-reminder', days: 1 })).toEqual(at('2026-03-29T09:00:00Z'));
  });

  it('when there are no reminders, then the days count from the opening', () => {
    expect(lapseInstant(at('2026-01-05T10:00:00Z'), [], london, { after: 'last-reminder', days: 3 })).toEqual(at('2026-01-08T10:00:00Z'));
  });

  it('when the last reminder was pushed to the morning, then the lapse counts from the reminder as sent', () => {
    expect(lapseInstant(at('2026-01-05T21:00:00Z'), [2], london, { after: 'last-reminder', days: 1 })).toEqual(at('2026-01-09T09:00:00Z'));
  });

  it('when the rule is the window close, then the timepoint lapses exactly when its window closes', () => {
    const closesAt = at('2026-01-19T20:00:00Z');
    expect(lapseInstant(at('2026-01-05T10:00:00Z'), [2, 5], london, { after: 'window-close', closesAt })).toEqual(closesAt);
  });
});

describe('flagging answers given outside the window', () => {
  const window = { opensAt: at('2026-01-05T09:00:00Z'), closesAt: at('2026-01-19T20:00:00Z') };

  it.each([
    ['2026-01-05T08:59:59Z', true],
    ['2026-01-05T09:00:00Z', false],
    ['2026-01-12T12:00:00Z', false],
    ['2026-01-19T20:00:00Z', false],
    ['2026-01-19T20:00:01Z', true],
  ])('when completed at %s, then late is %s', (iso, late) => {
    expect(isLate(at(iso), window)).toBe(late);
  });
});
