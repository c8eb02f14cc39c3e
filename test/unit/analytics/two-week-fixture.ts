import type { AlertRecord, AssessmentRecord, EnrolmentRecord, WorkerRecord } from '../../../src/domain/analytics/analytics-records.js';

/**
 * Three workers over ISO weeks 2026-W47 and W48 (London is on GMT, so weeks start at 00:00Z).
 * Expected numbers, worked by hand, are in weekly-summary.test.ts next to each assertion.
 */
export const previousWeek = { start: at('2026-11-16T00:00:00Z'), end: at('2026-11-23T00:00:00Z') };
export const thisWeek = { start: at('2026-11-23T00:00:00Z'), end: at('2026-11-30T00:00:00Z') };

export const workers: WorkerRecord[] = [
  { id: 'w3', name: 'Chloe Clark' },
  { id: 'w1', name: 'Alice Adams' },
  { id: 'w2', name: 'Bob Brown' },
];

export const assessments: AssessmentRecord[] = [
  // W48 follow-up cohort (window closes in W48): w1 3 due 2 done (1 late); w2 3 due 3 done; w3 2 due 0 done.
  assessment('w1', 'follow-up', 'completed', '2026-11-24T20:00:00Z', { completedAt: '2026-11-20T10:00:00Z' }),
  assessment('w1', 'follow-up', 'completed', '2026-11-25T20:00:00Z', { completedAt: '2026-11-28T10:00:00Z', late: true }),
  assessment('w1', 'follow-up', 'lapsed', '2026-11-26T20:00:00Z'),
  assessment('w2', 'follow-up', 'completed', '2026-11-27T20:00:00Z', { completedAt: '2026-11-27T11:00:00Z' }),
  assessment('w2', 'discharge', 'completed', '2026-11-29T20:00:00Z', { completedAt: '2026-11-29T19:00:00Z' }),
  assessment('w2', 'follow-up', 'completed', '2026-11-23T00:00:00Z', { completedAt: '2026-11-22T09:00:00Z' }), // closes exactly at the start: in W48
  assessment('w3', 'follow-up', 'lapsed', '2026-11-24T20:00:00Z'),
  assessment('w3', 'follow-up', 'open', '2026-11-25T20:00:00Z'), // not yet marked lapsed: still due, not completed
  // Not in the W48 cohort.
  assessment('w3', 'follow-up', 'cancelled', '2026-11-26T20:00:00Z'),
  assessment('w2', 'follow-up', 'completed', '2026-12-02T20:00:00Z', { completedAt: '2026-11-27T10:00:00Z' }), // closes in W49
  assessment('w3', 'follow-up', 'completed', '2026-11-30T00:00:00Z', { completedAt: '2026-11-29T10:00:00Z' }), // closes exactly at the end: W49
  // Baselines: two completed in W48, one lapsed in W48, one completed in W47.
  assessment('w1', 'baseline', 'completed', '2026-11-27T20:00:00Z', { completedAt: '2026-11-24T10:00:00Z' }),
  assessment('w3', 'baseline', 'completed', '2026-11-28T20:00:00Z', { completedAt: '2026-11-25T10:00:00Z' }),
  assessment('w2', 'baseline', 'lapsed', '2026-11-26T20:00:00Z'),
  assessment('w2', 'baseline', 'completed', '2026-11-21T20:00:00Z', { completedAt: '2026-11-18T10:00:00Z' }),
  // W47 follow-up cohort: w1 1 of 2, w2 0 of 1, w3 1 of 1 -> 2 of 4.
  assessment('w1', 'follow-up', 'completed', '2026-11-17T20:00:00Z', { completedAt: '2026-11-16T10:00:00Z' }),
  assessment('w1', 'follow-up', 'lapsed', '2026-11-18T20:00:00Z'),
  assessment('w2', 'follow-up', 'lapsed', '2026-11-19T20:00:00Z'),
  assessment('w3', 'follow-up', 'completed', '2026-11-20T20:00:00Z', { completedAt: '2026-11-20T10:00:00Z' }),
];

export const enrolments: EnrolmentRecord[] = [
  enrolment('e1', 'w1', '2026-11-23T00:00:00Z', 'active'), // the first instant of the week
  enrolment('e2', 'w2', '2026-11-24T12:00:00Z', 'pending-consent'),
  enrolment('e3', 'w3', '2026-11-29T23:59:59Z', 'active'),
  enrolment('e4', 'w3', '2026-11-26T12:00:00Z', 'withdrawn'), // withdrawn since, but enrolled this week
  enrolment('e5', 'w1', '2026-11-30T00:00:00Z', 'active'), // next week
  enrolment('e6', 'w2', '2026-11-20T12:00:00Z', 'active'), // last week
];

export const alerts: AlertRecord[] = [
  { openedAt: at('2026-11-20T10:00:00Z'), acknowledgedAt: at('2026-11-21T10:00:00Z') }, // dealt with last week
  { openedAt: at('2026-11-20T10:00:00Z') }, // still open
  { openedAt: at('2026-11-25T10:00:00Z'), acknowledgedAt: at('2026-12-01T10:00:00Z') }, // open when the week ended
  { openedAt: at('2026-11-26T10:00:00Z'), acknowledgedAt: at('2026-11-27T10:00:00Z') }, // dealt with this week
  { openedAt: at('2026-11-30T01:00:00Z') }, // opened after the week
];

function assessment(
  workerId: string,
  kind: AssessmentRecord['kind'],
  status: AssessmentRecord['status'],
  closesAt: string,
  extra: { completedAt?: string; late?: boolean } = {},
): AssessmentRecord {
  const closes = at(closesAt);
  return {
    enrolmentId: `${workerId}-${kind}-${closesAt}`,
    workerId,
    kind,
    status,
    dueAt: new Date(closes.getTime() - 7 * 86_400_000),
    closesAt: closes,
    ...(extra.completedAt ? { completedAt: at(extra.completedAt) } : {}),
    ...(extra.late === undefined ? {} : { late: extra.late }),
  };
}

function enrolment(id: string, workerId: string, enrolledAt: string, status: string): EnrolmentRecord {
  return { id, workerId, enrolledAt: at(enrolledAt), status };
}

function at(iso: string): Date {
  return new Date(iso);
}
