import { scheduleFollowUps } from '../../../src/domain/schedule/schedule-follow-ups.js';
import { scheduleDischarge } from '../../../src/domain/schedule/schedule-discharge.js';

const london = 'Europe/London';
const at = (iso: string) => new Date(iso);
const followUp = (id: string, offsetDays: number, windowBeforeDays: number, windowAfterDays: number) => ({ id, offsetDays, windowBeforeDays, windowAfterDays });

describe('placing follow-ups in the organisation calendar', () => {
  it('when a 3-week follow-up of a Saturday 14 Mar 10:00 GMT baseline crosses the March clock change, then it is due Sat 4 Apr at 10:00 BST (09:00Z)', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('3w', 21, 3, 7)] }, london, at('2026-03-14T10:00:00Z'));
    expect(scheduled).toEqual({
      timepointId: '3w',
      kind: 'follow-up',
      dueAt: at('2026-04-04T09:00:00Z'),
      opensAt: at('2026-04-01T08:00:00Z'), // Wed 1 Apr 09:00 BST
      closesAt: at('2026-04-11T19:00:00Z'), // Sat 11 Apr 20:00 BST
    });
  });

  it('when the follow-up falls on the last Sunday of March, then it is due at 10:00 local time, after the clocks went forward', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('2w', 14, 0, 0)] }, london, at('2026-03-15T14:00:00Z'));
    expect(scheduled?.dueAt).toEqual(at('2026-03-29T09:00:00Z'));
    expect(scheduled?.closesAt).toEqual(at('2026-03-29T19:00:00Z'));
  });

  it('when the window opens in GMT and closes in BST, then each end is at its local hour', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('10d', 10, 3, 3)] }, london, at('2026-03-21T11:15:00Z'));
    expect(scheduled?.opensAt).toEqual(at('2026-03-28T09:00:00Z')); // Sat 28 Mar 09:00 GMT
    expect(scheduled?.dueAt).toEqual(at('2026-03-31T09:00:00Z')); // Tue 31 Mar 10:00 BST
    expect(scheduled?.closesAt).toEqual(at('2026-04-03T19:00:00Z')); // Fri 3 Apr 20:00 BST
  });

  it('when the follow-up falls on the last Sunday of October, then it is due at 10:00 GMT, after the clocks went back', () => {
    const [threeWeeks, sixWeeks] = scheduleFollowUps(
      { followUps: [followUp('3w', 21, 2, 2), followUp('6w', 42, 7, 14)] },
      london,
      at('2026-10-04T17:30:00Z'), // Sun 4 Oct 18:30 BST
    );
    expect(threeWeeks?.opensAt).toEqual(at('2026-10-23T08:00:00Z')); // Fri 23 Oct 09:00 BST
    expect(threeWeeks?.dueAt).toEqual(at('2026-10-25T10:00:00Z')); // Sun 25 Oct 10:00 GMT
    expect(threeWeeks?.closesAt).toEqual(at('2026-10-27T20:00:00Z'));
    expect(sixWeeks?.dueAt).toEqual(at('2026-11-15T10:00:00Z'));
  });

  it('when the baseline is completed just after local midnight but before UTC midnight, then days count from the local date', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('2w', 14, 0, 0)] }, london, at('2026-07-01T23:30:00Z')); // 00:30 BST on 2 Jul
    expect(scheduled?.dueAt).toEqual(at('2026-07-16T09:00:00Z'));
  });

  it('when the organisation is in New York, then the follow-up is due at 10:00 Eastern across the March change', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('2w', 14, 1, 1)] }, 'America/New_York', at('2026-03-01T15:00:00Z'));
    expect(scheduled?.dueAt).toEqual(at('2026-03-15T14:00:00Z')); // 10:00 EDT
    expect(scheduled?.opensAt).toEqual(at('2026-03-14T13:00:00Z')); // 09:00 EDT
  });

  it('when the preferred send time is in quiet hours, then the invitation waits for the send window', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('1w', 7, 0, 2)] }, london, at('2026-01-05T12:00:00Z'), { sendTime: '07:00' });
    expect(scheduled?.dueAt).toEqual(at('2026-01-12T09:00:00Z'));
  });

  it('when the organisation sets its own send time and window, then due, opening and closing follow them', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('1w', 7, 1, 1)] }, london, at('2026-01-05T12:00:00Z'), {
      sendTime: '11:30',
      window: { start: '10:00', end: '18:00' },
    });
    expect(scheduled).toMatchObject({ dueAt: at('2026-01-12T11:30:00Z'), opensAt: at('2026-01-11T10:00:00Z'), closesAt: at('2026-01-13T18:00:00Z') });
  });

  it('when the plan has no follow-ups, then nothing is scheduled', () => {
    expect(scheduleFollowUps({ followUps: [] }, london, at('2026-01-05T12:00:00Z'))).toEqual([]);
  });

  it('when a window would open before the baseline, then it opens at the baseline instead', () => {
    const [scheduled] = scheduleFollowUps({ followUps: [followUp('1d', 1, 3, 1)] }, london, at('2026-01-05T12:00:00Z'));
    expect(scheduled?.opensAt).toEqual(at('2026-01-05T12:00:00Z'));
  });
});

describe('placing the discharge follow-up', () => {
  const plan = { discharge: { offsetDays: 28, windowAfterDays: 7 } };

  it('when the worker marks the enrolment done, then the discharge follow-up counts from that instant and opens on its due day', () => {
    expect(scheduleDischarge(plan, london, at('2026-03-10T16:45:00Z'))).toEqual({
      timepointId: 'discharge',
      kind: 'discharge',
      dueAt: at('2026-04-07T09:00:00Z'), // Tue 7 Apr 10:00 BST
      opensAt: at('2026-04-07T08:00:00Z'),
      closesAt: at('2026-04-14T19:00:00Z'),
    });
  });

  it('when the plan has no discharge follow-up, then there is nothing to schedule', () => {
    expect(scheduleDischarge({}, london, at('2026-03-10T16:45:00Z'))).toBeNull();
  });

  it('when a same-day discharge question is marked done at 15:00, then it goes at 15:00, not at a 10:00 already past', () => {
    const scheduled = scheduleDischarge({ discharge: { offsetDays: 0, windowAfterDays: 0 } }, london, at('2026-01-07T15:00:00Z'));
    expect(scheduled).toMatchObject({ dueAt: at('2026-01-07T15:00:00Z'), opensAt: at('2026-01-07T15:00:00Z'), closesAt: at('2026-01-07T20:00:00Z') });
  });

  it('when a same-day discharge question is marked done at 21:00, then it goes at 09:00 next morning and its window closes that evening', () => {
    const scheduled = scheduleDischarge({ discharge: { offsetDays: 0, windowAfterDays: 0 } }, london, at('2026-01-07T21:00:00Z'));
    expect(scheduled).toMatchObject({ dueAt: at('2026-01-08T09:00:00Z'), opensAt: at('2026-01-08T09:00:00Z'), closesAt: at('2026-01-08T20:00:00Z') });
  });
});
