import { dashboardFigures, type DashboardFigures } from '../../domain/analytics/dashboard-figures.js';
import { monthRanges } from '../../domain/analytics/month-ranges.js';
import { isLapsedIn } from '../../domain/analytics/is-lapsed-in.js';
import { isoWeekRange } from '../../domain/schedule/iso-week-range.js';
import type { CaseStore } from '../ports/case-store.js';
import type { StaffMember } from '../ports/staff-directory.js';
import { weeksEndingWith, withUnlistedWorkers, type WeeklyReportDeps } from './weekly-report.js';

export interface DashboardDeps extends WeeklyReportDeps {
  alerts: Pick<CaseStore, 'openAlerts' | 'enrolment'>;
}

export interface DashboardReport {
  week: string;
  weeks: string[];
  start: Date;
  end: Date;
  timeZone: string;
  team?: string;
  programmeId?: string;
  /** Only this worker's caseload (a worker's own view). */
  workerId?: string;
  figures: DashboardFigures;
  openAlerts: Array<{ reference: string; workerId: string; openedAt: Date }>;
  /** References of people whose timepoint lapsed in the week, with their worker. */
  lapsedThisWeek: Array<{ reference: string; workerId: string }>;
}

/**
 * The dashboard for one ISO week with the 4 before it and the 12 months up to it: read through the
 * ReportSource as the weekly report is (the same records, the same domain functions), narrowed to
 * one team's workers or to one worker's own caseload.
 */
export async function dashboardReport(deps: DashboardDeps, week: string, scope: { viewer: Pick<StaffMember, 'id' | 'name' | 'role'>; team?: string; programmeId?: string }): Promise<DashboardReport> {
  const timeZone = deps.org.timezone;
  const labels = weeksEndingWith(week, 5);
  const weeks = labels.map((label) => isoWeekRange(label, timeZone));
  const period = weeks.at(-1)!;
  const months = monthRanges(period.end, timeZone, 12);
  const own = scope.viewer.role === 'worker' ? scope.viewer.id : undefined;
  const [allAssessments, allEnrolments, alertsAtEnd, alertsNow, listed] = await Promise.all([
    deps.source.assessmentsIn({ start: new Date(Math.min(months[0]!.start.getTime(), weeks[0]!.start.getTime())), end: period.end }),
    deps.source.enrolmentsIn(period),
    deps.source.alertsOpenAt(period.end),
    deps.alerts.openAlerts(own ? { workerId: own } : {}),
    own ? Promise.resolve([{ id: scope.viewer.id, name: scope.viewer.name }]) : deps.staff.list({ role: 'worker', ...(scope.team ? { team: scope.team } : {}) }),
  ]);
  // A worker sees their own caseload, a team view its workers'; otherwise everyone's, as the weekly report.
  const only = own ? new Set([own]) : scope.team ? new Set(listed.map((w) => w.id)) : null;
  const programme = scope.programmeId;
  const mine = <T extends { workerId: string; programmeId?: string }>(items: readonly T[]) =>
    items.filter((item) => (!only || only.has(item.workerId)) && (!programme || item.programmeId === programme));
  const assessments = mine(allAssessments);
  const workers = only ? listed.map(({ id, name }) => ({ id, name })) : await withUnlistedWorkers(deps.source, listed, assessments, weeks.slice(-2));
  // An alert names its enrolment, not its programme: looked up by _id (alerts open are few).
  const alertProgrammes = programme ? new Map((await Promise.all(alertsNow.map((a) => deps.alerts.enrolment(a.enrolmentId)))).filter((e) => e !== null).map((e) => [e.id, e.programmeId])) : null;
  const openAlerts = mine(alertsNow.map((a) => ({ ...a, programmeId: alertProgrammes?.get(a.enrolmentId) ?? '' })));
  const figures = dashboardFigures({
    assessments, enrolments: mine(allEnrolments),
    // The summary's alert count is the organisation's unless narrowed (alerts at the period's end carry no worker).
    alerts: only || programme ? openAlerts.filter((a) => a.openedAt.getTime() < period.end.getTime()) : alertsAtEnd,
    openAlerts, workers, weeks, months,
  });
  // References by enrolment _id, one lookup each: a per-worker caseload query would scan the
  // assessments once per worker on FerretDB (200 workers: minutes).
  const lapsed = assessments.filter((a) => isLapsedIn(a, period));
  const enrolments = await Promise.all([...new Set(lapsed.map((a) => a.enrolmentId))].map((id) => deps.alerts.enrolment(id)));
  const references = new Map(enrolments.filter((e) => e !== null).map((e) => [e.id, e.reference]));
  const lapsedThisWeek = lapsed
    .map((a) => ({ reference: references.get(a.enrolmentId) ?? 'unknown', workerId: a.workerId }))
    .sort((a, b) => a.reference.localeCompare(b.reference));
  return {
    week, weeks: labels, start: period.start, end: period.end, timeZone, ...(scope.team ? { team: scope.team } : {}), ...(programme ? { programmeId: programme } : {}), ...(own ? { workerId: own } : {}),
    figures,
    openAlerts: openAlerts.map((a) => ({ reference: a.reference, workerId: a.workerId, openedAt: a.openedAt })).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime()),
    lapsedThisWeek,
  };
}
