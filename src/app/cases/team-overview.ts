import { isInPeriod } from '../../domain/analytics/analytics-records.js';
import { fitStaffText } from '../../domain/messaging/fit-staff-text.js';
import { normaliseToGsm7 } from '../../domain/messaging/normalise-to-gsm7.js';
import { isoWeekOf } from '../../domain/schedule/iso-week-of.js';
import { isoWeekRange } from '../../domain/schedule/iso-week-range.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseDeps } from './case-deps.js';
import { caseloadStatuses } from '../../domain/cases/caseload-line.js';

/**
 * STATUS for managers and admins: one line per worker for the ISO week so far, "Alex Morgan: 5
 * people, 2 due, 1 lapsed, alert SU-0002", those with alerts and lapses first, within two segments.
 * People are the worker's live caseload; due, the follow-ups falling due this week; lapsed, as the
 * weekly report counts lapses (windows closed this week, lapsed); alerts by reference only. The
 * member's own caseload, if they have one, is a line of its own ("You").
 */
export async function teamOverview(deps: Pick<CaseDeps, 'cases' | 'clock' | 'org' | 'staff'>, member: StaffMember): Promise<string> {
  const timeZone = deps.org.timezone;
  const period = isoWeekRange(isoWeekOf(deps.clock.now(), timeZone), timeZone);
  const [workers, alerts, closing] = await Promise.all([deps.staff.list({ role: 'worker' }), deps.cases.openAlerts({}), deps.cases.assessmentsIn(period)]);
  const rows = await Promise.all([...workers, member].map(async (worker) => {
    const [enrolments, due] = await Promise.all([deps.cases.enrolmentsOfWorker(worker.id), deps.cases.caseloadAssessments(worker.id, { dueIn: period })]);
    return {
      name: worker.id === member.id ? 'You' : shorten(worker.name, 18),
      people: enrolments.filter((e) => caseloadStatuses.has(e.status)).length,
      due: due.filter((a) => a.kind !== 'baseline' && a.status !== 'cancelled').length,
      lapsed: closing.filter((a) => a.workerId === worker.id && a.status === 'lapsed' && isInPeriod(a.closesAt, period)).length,
      alerts: [...new Set(alerts.filter((alert) => alert.workerId === worker.id).map((alert) => alert.reference))].sort(),
    };
  }));
  const shown = rows.filter((row) => row.name !== 'You' || row.people + row.due + row.lapsed + row.alerts.length > 0);
  if (shown.length === 0) return 'There are no workers yet. An admin adds them with staff add.';
  const lines = shown
    .sort((a, b) => b.alerts.length - a.alerts.length || b.lapsed - a.lapsed)
    .map((row) => `${row.name}: ${row.people} ${row.people === 1 ? 'person' : 'people'}, ${row.due} due, ${row.lapsed} lapsed${row.alerts.length > 0 ? `, ${row.alerts.length === 1 ? 'alert' : 'alerts'} ${row.alerts.join(' ')}` : ''}`);
  const monday = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(period.start);
  return fitStaffText({
    header: `This week (from ${monday}):`,
    lines,
    more: (left) => `...and ${left} more ${left === 1 ? 'worker' : 'workers'}`,
    footer: "Text REPORT for the week's figures.",
  });
}

function shorten(text: string, length: number): string {
  const characters = [...normaliseToGsm7(text).replace(/\s+/g, ' ').trim()];
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('').trimEnd()}.`;
}
