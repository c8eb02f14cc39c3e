import { nextMondayAt } from '../../domain/schedule/next-monday-at.js';
import { managersOf, tellStaff, type CaseDeps } from '../cases/case-deps.js';
import type { JobOutcome } from '../ports/job-scheduler.js';
import type { ReportSource } from '../ports/report-source.js';
import { lastCompleteWeek, weeklySummaryText } from '../reports/weekly-report.js';

export const summaryTime = '09:00';

/**
 * Monday 09:00: the managers' summary of the week that has just ended. Once per week whatever
 * happens to the job (the week's marker decides); the text is the same figures as
 * GET /api/reports/weekly, with a link to the dashboard.
 */
export async function sendWeeklySummary(deps: CaseDeps & { reports: ReportSource; publicBaseUrl: string }): Promise<JobOutcome> {
  const now = deps.clock.now();
  const week = lastCompleteWeek(now, deps.org.timezone);
  const next = { deferUntil: nextMondayAt(summaryTime, deps.org.timezone, now), note: week };
  const text = await weeklySummaryText({ source: deps.reports, staff: deps.staff, org: deps.org, publicBaseUrl: deps.publicBaseUrl }, week);
  // Composed first, then sent under an id per week and manager: a failure while composing leaves
  // the week to the next run, and a second run sends nothing new.
  for (const manager of await managersOf(deps)) await tellStaff(deps, manager, text, 'summary', `summary:${week}:${manager.id}`);
  return next;
}
