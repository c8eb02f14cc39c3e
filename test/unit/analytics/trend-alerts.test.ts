import type { AssessmentRecord, Period } from '../../../src/domain/analytics/analytics-records.js';
import { formatWeeklySummarySms } from '../../../src/domain/analytics/format-weekly-summary-sms.js';
import { trendAlerts, type TrendAlert } from '../../../src/domain/analytics/trend-alerts.js';
import { weeklySummary } from '../../../src/domain/analytics/weekly-summary.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { alerts, assessments as fortnight, enrolments, previousWeek, thisWeek, workers as fortnightWorkers } from './two-week-fixture.js';

const week = 7 * 86_400_000;
const first = Date.parse('2026-10-05T00:00:00Z');
const weeks: Period[] = Array.from({ length: 8 }, (_, i) => ({ start: new Date(first + i * week), end: new Date(first + (i + 1) * week) }));
const workers = [{ id: 'a', name: 'Amira Khan' }, { id: 'b', name: 'Ben Ode' }, { id: 'c', name: 'Cat Lee' }];

function followUps(workerId: string, weekIndex: number, done: number, lapsed: number): AssessmentRecord[] {
  const closesAt = new Date(weeks[weekIndex]!.start.getTime() + 2 * 86_400_000);
  const one = (status: AssessmentRecord['status'], n: number): AssessmentRecord => ({
    enrolmentId: `${workerId}-${weekIndex}-${status}-${n}`, workerId, kind: 'follow-up', status, dueAt: new Date(closesAt.getTime() - week), closesAt,
    ...(status === 'completed' ? { completedAt: closesAt } : {}),
  });
  return [...Array.from({ length: done }, (_, n) => one('completed', n)), ...Array.from({ length: lapsed }, (_, n) => one('lapsed', n))];
}

describe('trend alerts for the Monday summary', () => {
  it('when a rate falls 20 points over 4 weeks or a worker has 3 lapses in the week, then they are named by first name with the figure', () => {
    const records = [
      ...followUps('a', 1, 4, 1), ...followUps('a', 5, 1, 3), // 80% -> 25%
      ...followUps('b', 2, 2, 0), ...followUps('b', 7, 2, 3), // 100% -> 40% and 3 lapses in the last week
      ...followUps('c', 0, 1, 1), ...followUps('c', 6, 2, 3), // 50% -> 40%: a fall of 10, not named
    ];
    expect(trendAlerts(records, workers, weeks)).toEqual([
      { kind: 'rate-fell', workerId: 'a', firstName: 'Amira', from: 80, to: 25 },
      { kind: 'lapses', workerId: 'b', firstName: 'Ben', lapses: 3 },
      { kind: 'rate-fell', workerId: 'b', firstName: 'Ben', from: 100, to: 40 },
    ]);
  });

  it('when nothing changed, then there are no alerts and the text is as before', () => {
    const records = [...followUps('a', 1, 2, 0), ...followUps('a', 5, 2, 0)];
    expect(trendAlerts(records, workers, weeks)).toEqual([]);
    const summary = weeklySummary({ assessments: fortnight, enrolments, alerts, workers: fortnightWorkers, period: thisWeek, previousPeriod: previousWeek });
    const options = { orgName: 'Riverside Wellbeing', dashboardUrl: 'https://promptly.example.org/dashboard', weekLabel: 'week of 23 Nov' };
    expect(formatWeeklySummarySms(summary, { ...options, trendAlerts: [] })).toBe(formatWeeklySummarySms(summary, options));
  });

  it('when there are many alerts with long names, then the text still fits two segments and says how many more', () => {
    const summary = weeklySummary({ assessments: fortnight, enrolments, alerts, workers: fortnightWorkers, period: thisWeek, previousPeriod: previousWeek });
    const many: TrendAlert[] = Array.from({ length: 12 }, (_, i) => ({ kind: 'rate-fell', workerId: `w${i}`, firstName: `Bartholomew${i}`, from: 90, to: 10 }));
    const text = formatWeeklySummarySms(summary, { orgName: 'Riverside Wellbeing', dashboardUrl: 'https://promptly.example.org/dashboard', weekLabel: 'week of 23 Nov', trendAlerts: many });
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toMatch(/Barthol\w*\.?: 4-wk rate 90% -> 10%/);
    expect(text).toMatch(/\+\d+ more on the dashboard/);
  });

  it('when one alert fits, then the line sits under the rate', () => {
    const summary = weeklySummary({ assessments: fortnight, enrolments, alerts, workers: fortnightWorkers, period: thisWeek, previousPeriod: previousWeek });
    const text = formatWeeklySummarySms(summary, { orgName: 'Riverside', dashboardUrl: 'https://p.example/dashboard', weekLabel: 'week of 23 Nov', trendAlerts: [{ kind: 'lapses', workerId: 'w1', firstName: 'Alice', lapses: 4 }] });
    expect(text.split('\n')).toContain('Alice: 4 lapsed this week');
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
  });
});
