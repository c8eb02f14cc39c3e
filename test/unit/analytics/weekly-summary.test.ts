import { weeklySummary, type WorkerSummary } from '../../../src/domain/analytics/weekly-summary.js';
import type { AssessmentRecord } from '../../../src/domain/analytics/analytics-records.js';
import { followUpRateByWorker } from '../../../src/domain/analytics/follow-up-rate-by-worker.js';
import { followUpRate } from '../../../src/domain/analytics/follow-up-rate.js';
import { alerts, assessments, enrolments, previousWeek, thisWeek, workers } from './two-week-fixture.js';

const summary = weeklySummary({ assessments, enrolments, alerts, workers, period: thisWeek, previousPeriod: previousWeek });

describe('the weekly summary of a hand-worked fortnight', () => {
  it('when four people were enrolled in the week (one since withdrawn), then enrolments is 4', () => {
    expect(summary.enrolments).toBe(4);
  });

  it('when two baselines were completed this week and one last week, then baselines completed is 2', () => {
    expect(summary.baselinesCompleted).toBe(2);
  });

  it('when 8 follow-up windows closed this week (cancelled and next-week ones aside) and 5 were completed, one late, then the rate is 5/8', () => {
    expect(summary).toMatchObject({ followUpsDue: 8, followUpsCompleted: 5, followUpsLate: 1, followUpRate: 0.625, previousFollowUpRate: 0.5 });
  });

  it('when each worker is summarised, then their due, completed and rates match the hand count, in name order', () => {
    expect(summary.perWorker).toEqual([
      { workerId: 'w1', name: 'Alice Adams', due: 3, completed: 2, late: 1, rate: 2 / 3, previousRate: 0.5 },
      { workerId: 'w2', name: 'Bob Brown', due: 3, completed: 3, late: 0, rate: 1, previousRate: 0 },
      { workerId: 'w3', name: 'Chloe Clark', due: 2, completed: 0, late: 0, rate: 0, previousRate: 1 },
    ]);
  });

  it('when Bob completed all his follow-ups and Chloe none, then Bob is best and Chloe lowest', () => {
    expect(summary.best?.name).toBe('Bob Brown');
    expect(summary.lowest?.name).toBe('Chloe Clark');
  });

  it('when two follow-ups and a baseline lapsed with windows closing this week, then lapses is 3', () => {
    expect(summary.lapses).toBe(3);
  });

  it('when one alert was never acknowledged and another only after the week, then 2 alerts were open at the end of the week', () => {
    expect(summary.openAlerts).toBe(2);
  });

  it('when the same records are summarised for last week, then last week stands on its own', () => {
    const last = weeklySummary({ assessments, enrolments, alerts, workers, period: previousWeek });
    expect(last).toMatchObject({ enrolments: 1, baselinesCompleted: 1, followUpsDue: 4, followUpsCompleted: 2, followUpRate: 0.5, previousFollowUpRate: null, lapses: 2, openAlerts: 1 });
    expect(last.best?.name).toBe('Chloe Clark');
    expect(last.lowest?.name).toBe('Bob Brown');
  });
});

describe('the follow-up rate on its own', () => {
  it('when asked overall and per worker, then it gives the same numbers as the summary', () => {
    expect(followUpRate(assessments, thisWeek)).toEqual({ due: 8, completed: 5, late: 1, rate: 0.625 });
    expect(followUpRateByWorker(assessments, thisWeek)).toEqual(
      new Map([
        ['w1', { due: 3, completed: 2, late: 1, rate: 2 / 3 }],
        ['w2', { due: 3, completed: 3, late: 0, rate: 1 }],
        ['w3', { due: 2, completed: 0, late: 0, rate: 0 }],
      ]),
    );
  });

  it('when nothing was due, then the rate is null, never NaN or zero', () => {
    const quiet = { start: new Date('2027-01-04T00:00:00Z'), end: new Date('2027-01-11T00:00:00Z') };
    expect(followUpRate(assessments, quiet)).toEqual({ due: 0, completed: 0, late: 0, rate: null });
    expect(followUpRateByWorker(assessments, quiet).size).toBe(0);
  });
});

describe('weeks with nothing due', () => {
  const quiet = { start: new Date('2027-01-04T00:00:00Z'), end: new Date('2027-01-11T00:00:00Z') };
  const empty = weeklySummary({ assessments: [], enrolments: [], alerts: [], workers, period: quiet, previousPeriod: thisWeek });

  it('when no follow-ups were due, then rates are null and nobody is named best or lowest', () => {
    expect(empty).toMatchObject({ followUpsDue: 0, followUpsCompleted: 0, followUpRate: null, previousFollowUpRate: null, best: null, lowest: null, lapses: 0, openAlerts: 0 });
    expect(empty.perWorker.map((worker) => worker.rate)).toEqual([null, null, null]);
  });

  it('when only one worker had follow-ups due, then they are best and nobody is lowest', () => {
    const only = weeklySummary({ assessments: assessments.filter((a) => a.workerId === 'w2'), enrolments, alerts, workers, period: thisWeek });
    expect(only.best?.workerId).toBe('w2');
    expect(only.lowest).toBeNull();
  });

  it('when a worker with follow-ups due is missing from the staff list, then they still count, named by id', () => {
    const stranger = weeklySummary({ assessments, enrolments, alerts, workers: [], period: thisWeek });
    expect(stranger.perWorker.map((worker) => worker.name)).toEqual(['w1', 'w2', 'w3']);
  });
});

describe('ties between workers', () => {
  const period = { start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-30T00:00:00Z') };
  const closes = new Date('2026-11-25T20:00:00Z');
  const followUp = (workerId: string, completed: boolean): AssessmentRecord => ({
    enrolmentId: `${workerId}-${String(completed)}`,
    workerId,
    kind: 'follow-up',
    status: completed ? 'completed' : 'lapsed',
    dueAt: closes,
    closesAt: closes,
    ...(completed ? { completedAt: closes } : {}),
  });
  const summarise = (rates: Record<string, [done: number, missed: number]>) =>
    weeklySummary({
      assessments: Object.entries(rates).flatMap(([id, [done, missed]]) => [
        ...Array.from({ length: done }, () => followUp(id, true)),
        ...Array.from({ length: missed }, () => followUp(id, false)),
      ]),
      enrolments: [],
      alerts: [],
      workers: Object.keys(rates).map((id) => ({ id, name: id })),
      period,
    });
  const names = (summary: { best: WorkerSummary | null; lowest: WorkerSummary | null }) => [summary.best?.name, summary.lowest?.name];

  it('when two workers share the best rate, then the first by name is best', () => {
    expect(names(summarise({ Zed: [1, 0], Amy: [2, 0], Kit: [1, 1] }))).toEqual(['Amy', 'Kit']);
  });

  it('when two workers share the lowest rate, then the first by name is lowest', () => {
    expect(names(summarise({ Yan: [0, 1], Bea: [0, 2], Kit: [1, 0] }))).toEqual(['Kit', 'Bea']);
  });

  it('when every worker has the same rate, then best and lowest are two different people, in name order', () => {
    expect(names(summarise({ Dan: [1, 1], Ann: [1, 1], Cat: [2, 2] }))).toEqual(['Ann', 'Cat']);
  });

  it('when a worker had nothing due, then they are never named best or lowest', () => {
    const summary = weeklySummary({
      assessments: [followUp('Kit', true), followUp('Amy', false)],
      enrolments: [],
      alerts: [],
      workers: [{ id: 'Kit', name: 'Kit' }, { id: 'Amy', name: 'Amy' }, { id: 'Abe', name: 'Abe' }],
      period,
    });
    expect(names(summary)).toEqual(['Kit', 'Amy']);
  });
});
