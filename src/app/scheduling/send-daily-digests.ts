import { workerDigest } from '../../domain/analytics/worker-digest.js';
import { nextLocalTime } from '../../domain/schedule/next-local-time.js';
import { utcToZoned } from '../../domain/schedule/utc-to-zoned.js';
import { tellStaff, type CaseDeps } from '../cases/case-deps.js';
import type { JobOutcome } from '../ports/job-scheduler.js';
import type { ReportSource } from '../ports/report-source.js';
import { workerDigestData } from '../reports/worker-digest-data.js';

export const digestTime = '09:30';

/**
 * Each worker's daily nudge: who lapsed yesterday, whose follow-up falls due this week, open
 * safeguarding alerts, by reference only. Sent only when there is something to say, and at most
 * once per worker per day however often the job runs. Then the job sleeps until tomorrow's 09:30.
 */
export async function sendDailyDigests(deps: CaseDeps & { reports: ReportSource }): Promise<JobOutcome> {
  const now = deps.clock.now();
  const local = utcToZoned(now, deps.org.timezone);
  const today = { year: local.year, month: local.month, day: local.day };
  const dateKey = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  let sent = 0;
  for (const worker of await deps.staff.list({ role: 'worker' })) {
    const text = workerDigest(await workerDigestData({ source: deps.reports, cases: deps.cases, org: deps.org }, { worker, today }));
    if (!text) continue;
    // One digest per worker per day, however often the job runs: the outbox keeps one message per id.
    await tellStaff(deps, worker, text, 'digest', `digest:${dateKey}:${worker.id}`);
    sent++;
  }
  return { deferUntil: nextLocalTime(now, digestTime, deps.org.timezone), note: `${sent} digests` };
}
