import { weeklySummary, type WeeklySummary } from '../../../src/domain/analytics/weekly-summary.js';
import { formatPercent } from '../../../src/domain/analytics/format-percent.js';
import { formatWeeklySummarySms } from '../../../src/domain/analytics/format-weekly-summary-sms.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { alerts, assessments, enrolments, previousWeek, thisWeek, workers } from './two-week-fixture.js';

const options = { orgName: 'Riverside Wellbeing', dashboardUrl: 'https://promptly.example.org/dashboard', weekLabel: 'week of 23 Nov' };
const summary = weeklySummary({ assessments, enrolments, alerts, workers, period: thisWeek, previousPeriod: previousWeek });
const lines = (text: string) => text.split('\n');

describe('the weekly summary text message', () => {
  it('when the fortnight fixture is summarised, then each figure is on its own line in plain words', () => {
    expect(formatWeeklySummarySms(summary, options)).toBe(
      [
        'Riverside Wellbeing summary, week of 23 Nov',
        'Follow-ups: 5 of 8 done (63%)',
        '1 done late',
        'Week before: 50% (up 13 points)',
        'Best: Bob Brown, 3 of 3 done',
        'Lowest: Chloe Clark, 0 of 2 done',
        'Enrolled: 4',
        'Baselines done: 2',
        'Lapsed: 3',
        'Alerts not yet seen: 2',
        'https://promptly.example.org/dashboard',
      ].join('\n'),
    );
  });

  it('when the fortnight fixture is summarised, then it fits two GSM-7 segments with no line over 45 characters', () => {
    const text = formatWeeklySummarySms(summary, options);
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(lines(text).filter((line) => line.length > 45)).toEqual([]);
  });

  it.each([
    [0.62, 0.48, ['Follow-ups: 5 of 8 done (62%)', 'Week before: 48% (up 14 points)']],
    [0.4, 0.45, ['Follow-ups: 5 of 8 done (40%)', 'Week before: 45% (down 5 points)']],
    [0.5, 0.49, ['Week before: 49% (up 1 point)']],
    [0.5, 0.5, ['Week before: 50% (no change)']],
    [0.5, null, ['Follow-ups: 5 of 8 done (50%)', 'None were due the week before']],
    [null, 0.5, ['No follow-ups were due', 'Week before: 50% done']],
    [null, null, ['No follow-ups were due', 'None were due the week before either']],
  ])('when the rate is %p and the week before %p, then the message says %j', (rate, previous, expected) => {
    const text = formatWeeklySummarySms({ ...summary, followUpRate: rate, previousFollowUpRate: previous }, options);
    expect(lines(text)).toEqual(expect.arrayContaining(expected));
    expect(text).not.toMatch(/n\/a|none due|w\/c/);
  });

  it('when nothing was due this week or the week before, then it says so plainly and names nobody', () => {
    const nothing: WeeklySummary = { ...summary, followUpsDue: 0, followUpsCompleted: 0, followUpsLate: 0, followUpRate: null, previousFollowUpRate: null, best: null, lowest: null };
    expect(lines(formatWeeklySummarySms(nothing, options)).slice(1, 3)).toEqual(['No follow-ups were due', 'None were due the week before either']);
    expect(formatWeeklySummarySms(nothing, options)).not.toMatch(/Best|Lowest|0 of 0|late/);
  });

  it('when only one worker had follow-ups due, then the message says so without a best or lowest figure', () => {
    const text = formatWeeklySummarySms({ ...summary, lowest: null }, options);
    expect(lines(text)).toContain('Only Bob Brown had follow-ups due');
    expect(text).not.toMatch(/Best|Lowest|Only worker/);
  });

  it('when every worker with follow-ups due did equally well, then it says so rather than naming one the lowest', () => {
    const everyone = summary.perWorker.map((worker) => ({ ...worker, rate: 1, completed: worker.due }));
    const text = formatWeeklySummarySms({ ...summary, perWorker: everyone, best: everyone[0] ?? null, lowest: everyone[1] ?? null }, options);
    expect(lines(text)).toContain('All 3 workers: 100% done');
    expect(text).not.toMatch(/Lowest/);
  });

  it('when names, the organisation name and the link are long, then the message still fits 2 GSM-7 segments and keeps the link whole', () => {
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
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text.endsWith(url)).toBe(true);
    expect(lines(text)).toEqual(expect.arrayContaining(['Follow-ups: 3999 of 4321 done (63%)', 'Week before: 50% (up 13 points)']));
  });

  it('when a name has typographic punctuation, accents or emoji, then it is sent as GSM-7', () => {
    const text = formatWeeklySummarySms({ ...summary, best: { ...summary.best!, name: 'Zoë O\u2019Brien\u2013Hill \u{1F642}' } }, options);
    expect(countSmsSegments(text).encoding).toBe('GSM-7');
    expect(text).toContain("Best: Zoe O'Brien-Hill, 3 of 3 done");
  });

  it('when every worker name is enormous, then names are shortened rather than the message growing', () => {
    const enormous = 'A'.repeat(300);
    const text = formatWeeklySummarySms({ ...summary, best: { ...summary.best!, name: enormous }, lowest: { ...summary.lowest!, name: enormous } }, options);
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toMatch(/Best: A+\., 3 of 3 done\nLowest: A+\., 0 of 2 done/);
  });

  it('when the link alone is too long for 2 segments, then it refuses rather than cutting the link', () => {
    expect(() => formatWeeklySummarySms(summary, { ...options, dashboardUrl: `https://x.example/${'a'.repeat(300)}` })).toThrow(RangeError);
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
