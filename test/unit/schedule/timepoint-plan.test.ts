import { parseDuration } from '../../../src/domain/schedule/parse-duration.js';
import { parseTimepointPlan, type TimepointPlanInput } from '../../../src/domain/schedule/parse-timepoint-plan.js';

describe('reading offsets and windows', () => {
  it.each([
    ['6w', 42],
    ['12w', 84],
    ['10d', 10],
    ['7D', 7],
    [' 0d ', 0],
    ['2 weeks', 14],
  ])('when the duration is %j, then it is %d days', (text, days) => {
    expect(parseDuration(text)).toEqual({ ok: true, days });
  });

  it.each([
    ['3m', /months vary in length/],
    ['1y', /years are not supported/],
    ['6', /add a unit/],
    ['6h', /unknown unit "h"/],
    ['-2w', /whole number/],
    ['1.5w', /whole number/],
    ['', /whole number/],
    ['600w', /longer than 3660 days/],
  ])('when the duration is %j, then it is refused with a reason', (text, reason) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('reading a timepoint plan', () => {
  const input: TimepointPlanInput = {
    followUps: [
      { id: '6w', offset: '6w', windowBefore: '7d', windowAfter: '14d' },
      { id: '12w', offset: '12w', windowBefore: '14d', windowAfter: '14d' },
    ],
    discharge: { offset: '4w', windowAfter: '14d' },
  };

  it('when the plan is sound, then durations become days and reminders default to days 2 and 5', () => {
    expect(parseTimepointPlan(input)).toEqual({
      ok: true,
      plan: {
        followUps: [
          { id: '6w', offsetDays: 42, windowBeforeDays: 7, windowAfterDays: 14 },
          { id: '12w', offsetDays: 84, windowBeforeDays: 14, windowAfterDays: 14 },
        ],
        discharge: { offsetDays: 28, windowAfterDays: 14 },
        reminders: { afterDays: [2, 5] },
        consentReminders: { afterDays: [2, 5] },
      },
    });
  });

  it('when reminder days are given, then they replace the defaults', () => {
    const parsed = parseTimepointPlan({ ...input, reminders: { afterDays: [3] }, consentReminders: { afterDays: [1, 3, 7] } });
    expect(parsed.ok && parsed.plan.reminders.afterDays).toEqual([3]);
    expect(parsed.ok && parsed.plan.consentReminders.afterDays).toEqual([1, 3, 7]);
  });

  it('when several things are wrong, then every problem is listed with where it is', () => {
    const parsed = parseTimepointPlan({
      followUps: [
        { id: '3m', offset: '3m', windowBefore: '7d', windowAfter: '7d' },
        { id: ' ', offset: '1w', windowBefore: '7d', windowAfter: '1d' },
      ],
      reminders: { afterDays: [5, 2] },
      consentReminders: { afterDays: [0] },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      'followUps[0].offset: "3m": months vary in length; give weeks or days instead, e.g. 13w for about 3 months',
      'followUps[1].id: give the follow-up a name, e.g. "6w"',
      'reminders.afterDays: list reminder days in increasing order without repeats',
      'consentReminders.afterDays: reminder days must be whole numbers of 1 or more',
      'followUps[1].windowBefore: the window would open on or before the baseline day; make it shorter than the offset',
    ]);
  });

  it('when follow-ups are out of order, overlap or share a name, then the plan is refused', () => {
    const parsed = parseTimepointPlan({
      followUps: [
        { id: '6w', offset: '6w', windowBefore: '7d', windowAfter: '14d' },
        { id: '8w', offset: '8w', windowBefore: '7d', windowAfter: '7d' },
        { id: '6w', offset: '4w', windowBefore: '7d', windowAfter: '7d' },
      ],
    });
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'followUps[1].windowBefore: the window of "8w" opens on or before the day the window of "6w" closes',
      'followUps[2].id: "6w" is used twice',
      'followUps[2].offset: list follow-ups in time order; "6w" comes no later than "8w"',
    ]);
  });

  it('when a reminder the administrator gave would fall after a window closes, then the plan is refused saying how to fix it', () => {
    const parsed = parseTimepointPlan({ followUps: [{ id: '2w', offset: '2w', windowBefore: '1d', windowAfter: '2d' }], reminders: { afterDays: [2, 5] } });
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'reminders.afterDays: a reminder on day 5 falls after the window of follow-up "2w" closes (3 days after it opens); give reminder days of 3 or less, or a longer window',
    ]);
  });

  it('when no reminders are given and a window is shorter than the usual days 2 and 5, then only the usual days within every window are kept', () => {
    const plan = (windowAfter: string, discharge?: string) => parseTimepointPlan({
      followUps: [{ id: '6w', offset: '6w', windowBefore: '1d', windowAfter }],
      ...(discharge === undefined ? {} : { discharge: { offset: '0d', windowAfter: discharge } }),
    });
    expect(plan('2d')).toMatchObject({ ok: true, plan: { reminders: { afterDays: [2] } } });
    expect(plan('7d', '1d')).toMatchObject({ ok: true, plan: { reminders: { afterDays: [] } } });
    expect(plan('4d')).toMatchObject({ ok: true, plan: { reminders: { afterDays: [2, 5] } } });
  });
});
