import { weeklySummary, type WeeklySummary } from '../../domain/analytics/weekly-summary.js';
import type { AssessmentRecord, Period, WorkerRecord } from '../../domain/analytics/analytics-records.js';
import { isFollowUpDueIn } from '../../domain/analytics/follow-up-rate.js';
import { formatWeeklySummarySms } from '../../domain/analytics/format-weekly-summary-sms.js';
import { trendAlerts, type TrendAlert } from '../../domain/analytics/trend-alerts.js';
import { isoWeekOf } from '../../domain/schedule/iso-week-of.js';
import { isoWeekRange } from '../../domain/schedule/iso-week-range.js';
import { previousIsoWeek } from '../../domain/schedule/previous-iso-week.js';
import type { StaffDirectory } from '../ports/staff-directory.js';
import type { ReportSource } from '../ports/report-source.js';

export interface WeeklyReportDeps {
  source: ReportSource;
  staff: Pick<StaffDirectory, 'list'>;
  org: { name: string; timezone: string };
}

export interface WeeklyReport {
  /** ISO week label, e.g. "2026-W48". */
  week: string;
  previousWeek: string;
  timeZone: string;
  /** Monday 00:00 local, inclusive, to the next Monday 00:00 local, exclusive. */
  start: Date;
  end: Date;
  summary: WeeklySummary;
}

/**
 * The manager's numbers for one ISO week in the organisation's zone, compared with the week before.
 * Reads only the two weeks' records through the ReportSource; the counting is weeklySummary's.
 * Throws RangeError for a malformed week label (callers validate what people type).
 */
export async function weeklyReport(deps: WeeklyReportDeps, week: string): Promise<WeeklyReport> {
  const timeZone = deps.org.timezone;
  const previousWeek = previousIsoWeek(week);
  const period = isoWeekRange(week, timeZone);
  const previousPeriod = isoWeekRange(previousWeek, timeZone);
  const [assessments, enrolments, alerts, listed] = await Promise.all([
    deps.source.assessmentsIn({ start: previousPeriod.start, end: period.end }),
    deps.source.enrolmentsIn(period),
    deps.source.alertsOpenAt(period.end),
    deps.staff.list({ role: 'worker' }),
  ]);
  const workers = await withUnlistedWorkers(deps.source, listed, assessments, [period, previousPeriod]);
  const summary = weeklySummary({ assessments, enrolments, alerts, workers, period, previousPeriod });
  return { week, previousWeek, timeZone, start: period.start, end: period.end, summary };
}

/** The text the scheduler sends managers: the week's summary in at most two segments, with the dashboard link. */
export async function weeklySummaryText(deps: WeeklyReportDeps & { publicBaseUrl: string }, week: string): Promise<string> {
  const report = await weeklyReport(deps, week);
  const monday = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: report.timeZone }).format(report.start);
  return formatWeeklySummarySms(report.summary, {
    orgName: deps.org.name,
    dashboardUrl: `${deps.publicBaseUrl.replace(/\/+$/, '')}/dashboard`,
    weekLabel: `week of ${monday}`,
    trendAlerts: await weeklyTrendAlerts(deps, week),
  });
}

/** The Monday text's trend alerts for the 8 weeks ending with `week` (see trendAlerts). */
export async function weeklyTrendAlerts(deps: WeeklyReportDeps, week: string): Promise<TrendAlert[]> {
  const weeks = weeksEndingWith(week, 8).map((label) => isoWeekRange(label, deps.org.timezone));
  const [assessments, listed] = await Promise.all([
    deps.source.assessmentsIn({ start: weeks[0]!.start, end: weeks.at(-1)!.end }),
    deps.staff.list({ role: 'worker' }),
  ]);
  const workers = await withUnlistedWorkers(deps.source, listed, assessments, weeks);
  return trendAlerts(assessments, workers, weeks);
}

/** `count` ISO week labels, oldest first, the last being `week`. */
export function weeksEndingWith(week: string, count: number): string[] {
  const labels = [week];
  while (labels.length < count) labels.unshift(previousIsoWeek(labels[0]!));
  return labels;
}

/**
 * REPORT by text, for managers and admins: the same figures as GET /api/reports/weekly and the
 * Monday summary, in the summary's words, for the ISO week so far or the last complete one. No
 * dashboard link: a text to staff stays within two segments, and the summary has it on Mondays.
 */
export async function weeklyReportText(deps: WeeklyReportDeps, which: 'this' | 'last', now: Date): Promise<string> {
  const week = which === 'this' ? isoWeekOf(now, deps.org.timezone) : lastCompleteWeek(now, deps.org.timezone);
  const report = await weeklyReport(deps, week);
  const monday = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: report.timeZone }).format(report.start);
  const complete = now.getTime() >= report.end.getTime();
  return formatWeeklySummarySms(report.summary, { orgName: deps.org.name, dashboardUrl: '', weekLabel: `w/c ${monday}${complete ? '' : ' (so far)'}` });
}

/** The most recent ISO week that has ended in `timeZone`: on a Monday morning, last week. */
export function lastCompleteWeek(now: Date, timeZone: string): string {
  return previousIsoWeek(isoWeekOf(now, timeZone));
}

/**
 * Everyone currently listed as a worker (with nothing due they still show, at 0 of 0), plus anyone
 * else with follow-ups due, named from the staff records: a removed worker's or a manager's own
 * caseload still counts, and should read as a name rather than an id.
 */
export async function withUnlistedWorkers(
  source: ReportSource,
  listed: readonly WorkerRecord[],
  assessments: readonly AssessmentRecord[],
  periods: readonly Period[],
): Promise<WorkerRecord[]> {
  const known = new Set(listed.map((worker) => worker.id));
  const others = new Set(
    assessments.filter((a) => !known.has(a.workerId) && periods.some((period) => isFollowUpDueIn(a, period))).map((a) => a.workerId),
  );
  const names = await source.staffNames([...others]);
  return [...listed.map(({ id, name }) => ({ id, name })), ...[...others].map((id) => ({ id, name: names.get(id) ?? id }))];
}
