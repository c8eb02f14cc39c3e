import { weeklySummary, type WeeklySummary } from '../../../src/domain/analytics/weekly-summary.js';
import { formatPercent } from '../../../src/domain/analytics/format-percent.js';
import { formatWeeklySummarySms } from '../../../src/domain/analytics/format-weekly-summary-sms.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { alerts, assessments, enrolments, previousWeek, thisWeek, workers } from './two-week-fixture.js';

const options = { orgName: 'Riverside Wellbeing', dashboardUrl: 'https://promptly.example.org/dashboard', weekLabel: 'w/c 23 Nov' };
const summary = weeklySummary({ assessments, enrolments, alerts, workers, period: thisWeek, previousPeriod: previousWeek });

describe('the weekly summary text message', () => {
  it('when the fortnight fixture is summarised, then the message reads as the manager expects', () => {
    expect(formatWeeklySummarySms(summary, options)).toBe(
      [
        'Riverside Wellbeing weekly summary, w/c 23 Nov',
        'Enrolled 4. Baselines done 2.',
        'Follow-ups due 8, completed 5 (1 late).',
        'Follow-up rate 63% (last week 50%, up 13 pts).',
        'Best: Bob Brown 100%. Lowest: Chloe Clark 0%.',
        'Lapsed 3. Open alerts 2.',
        'https://promptly.example.org/dashboard',
      ].join('\n'),
    );
  });

  it.each([
    [0.62, 0.48, 'Follow-up rate 62% (last week 48%, up 14 pts).'],
    [0.4, 0.45, 'Follow-up rate 40% (last week 45%, down 5 pts).'],
    [0.5, 0.49, 'Follow-up rate 50% (last week 49%, up 1 pt).'],
    [0.5, 0.5, 'Follow-up rate 50% (last week 50%, no change).'],
    [0.5, null, 'Follow-up rate 50% (none due last week).'],
    [null, 0.5, 'Follow-up rate n/a, none due (last week 50%).'],
    [null, null, 'Follow-up rate n/a, none due (none due last week).'],
  ])('when the rate is %p and last week %p, then the comparison reads %j', (rate, previous, line) => {
    expect(formatWeeklySummarySms({ ...summary, followUpRate: rate, previousFollowUpRate: previous }, options).split('\n')).toContain(line);
  });

  it('when nobody had follow-ups due, then no best or lowest line is sent', () => {
    const text = formatWeeklySummarySms({ ...summary, best: null, lowest: null }, options);
    expect(text).not.toMatch(/Best|Lowest/);
  });

  it('when only one worker had follow-ups due, then that worker is named on their own', () => {
    expect(formatWeeklySummarySms({ ...summary, lowest: null }, options)).toContain('Only worker with follow-ups due: Bob Brown 100%.');
  });

  it('when names, the organisation name and the link are long, then the message still fits 3 GSM-7 segments and keeps the link whole', () => {
    const long: WeeklySummary = {
      ...summary,
      enrolments: 1234,
      baselinesCompleted: 987,
      followUpsDue: 4321,
      followUpsCompleted: 3999,
      followUpsLate: 456,
      lapses: 322,
      openAlerts: 101,
      best: { ...worker('Bartholomew Featherstonehaugh-Worthington-Smythe'), rate: 0.999 },
      lowest: { ...worker('Maria-Fernanda de la Concepción Rodríguez y Gómez'), rate: 0.001 },
    };
    const url = 'https://promptly.riverside-community-wellbeing-partnership.example.org.uk/dashboard?week=2026-W48&view=summary';
    const text = formatWeeklySummarySms(long, {
      orgName: 'The Riverside Community Wellbeing and Mental Health Partnership (North & East)',
      dashboardUrl: url,
      weekLabel: 'week commencing Monday 23 November 2026',
    });
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7' });
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(3);
    expect(text.endsWith(url)).toBe(true);
    expect(text).toContain('Follow-up rate 63% (last week 50%, up 13 pts).');
  });

  it('when a name has typographic punctuation, accents or emoji, then it is sent as GSM-7', () => {
    const text = formatWeeklySummarySms({ ...summary, best: { ...summary.best!, name: 'Zoë O\u2019Brien\u2013Hill \u{1F642}' } }, options);
    expect(countSmsSegments(text).encoding).toBe('GSM-7');
    expect(text).toContain("Best: Zoe O'Brien-Hill 100%.");
  });

  it('when every worker name is enormous, then names are shortened rather than the message growing', () => {
    const enormous = 'A'.repeat(300);
    const text = formatWeeklySummarySms({ ...summary, best: { ...summary.best!, name: enormous }, lowest: { ...summary.lowest!, name: enormous } }, options);
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(3);
    expect(text).toMatch(/Best: A+\. 100%\. Lowest: A+\. 0%\./);
  });

  it('when the link alone is too long for 3 segments, then it refuses rather than cutting the link', () => {
    expect(() => formatWeeklySummarySms(summary, { ...options, dashboardUrl: `https://x.example/${'a'.repeat(500)}` })).toThrow(RangeError);
  });
});

describe('showing a rate as a percentage', () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.625, 63],
    [0.145, 15],
    [2 / 3, 67],
    [0.995, 99],
    [0.004, 1],
  ])('when the rate is %p, then it shows as %d%%', (rate, percent) => {
    expect(formatPercent(rate)).toBe(percent);
  });
});

function worker(name: string) {
  return { workerId: name, name, due: 1000, completed: 999, late: 0, rate: 0.999, previousRate: null };
}
