import { dashboardFigures } from '../../../src/domain/analytics/dashboard-figures.js';
import { monthRanges } from '../../../src/domain/analytics/month-ranges.js';
import { weeklySummary } from '../../../src/domain/analytics/weekly-summary.js';
import { alerts, assessments, enrolments, previousWeek, thisWeek, workers } from './two-week-fixture.js';

const months = monthRanges(thisWeek.end, 'Europe/London', 12);
const figures = dashboardFigures({
  assessments, enrolments, alerts, workers, weeks: [previousWeek, thisWeek], months,
  openAlerts: [{ workerId: 'w3' }, { workerId: 'w3' }, { workerId: 'w1' }],
});

describe('the dashboard figures', () => {
  it('when the fortnight fixture is shown, then the headline is exactly the weekly summary', () => {
    expect(figures.summary).toEqual(weeklySummary({ assessments, enrolments, alerts, workers, period: thisWeek, previousPeriod: previousWeek }));
  });

  it('when workers are listed, then the lowest rate comes first, with lapses, baselines and open alerts', () => {
    expect(figures.workers.map((w) => [w.name, w.due, w.completed, w.lapsed, w.baselines, w.openAlerts])).toEqual([
      ['Chloe Clark', 2, 0, 1, 1, 2], // 0%
      ['Alice Adams', 3, 2, 1, 1, 1], // 67%
      ['Bob Brown', 3, 3, 1, 0, 0], // 100%; his lapse is a baseline
    ]);
  });

  it('when weeks are shown, then each has due, completed, lapsed and still open', () => {
    expect(figures.weeks.map((w) => [w.due, w.completed, w.lapsed, w.stillOpen])).toEqual([[4, 2, 2, 0], [8, 5, 2, 1]]);
  });

  it('when the funnel is counted, then consent excludes people still waiting and lapses are follow-ups', () => {
    expect(figures.funnel).toEqual({ enrolled: 4, consented: 3, baselineCompleted: 2, followUpDue: 8, followUpCompleted: 5, lapsed: 2 });
  });

  it('when months are counted, then timepoints count by the month their window closes', () => {
    expect(months.map((m) => m.label)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // November: both weeks' cohorts (8 + 4) and the one closing at 30 Nov 00:00 (W49 but still November).
    expect(figures.months.at(-1)).toMatchObject({ label: '2026-11', baselines: 3, due: 13, completed: 8 });
    expect(figures.months.at(-2)).toMatchObject({ due: 0, completed: 0, rate: null });
  });

  it('when the zone is on summer time, then a month starts at local midnight', () => {
    const [july] = monthRanges(new Date('2026-07-31T23:00:00Z'), 'Europe/London', 1);
    expect(july).toEqual({ label: '2026-07', start: new Date('2026-06-30T23:00:00Z'), end: new Date('2026-07-31T23:00:00Z') });
  });
});
