import type { DashboardReport } from '../../app/reports/dashboard-report.js';
import { formatDay } from './format.js';
import { percent } from './percent.js';

/**
 * The dashboard's numbers as tables: the five weeks, per worker, month by month, the funnel, open
 * alerts and this week's lapses. With `links` (managers and admins) the per-worker figures open the
 * caseload behind them; without `references` (analysts) no person is named.
 */
export function DashboardTables(props: { report: DashboardReport; links: boolean; references: boolean; now: Date }) {
  const { report, links } = props;
  const { figures } = report;
  const names = new Map(figures.workers.map((w) => [w.workerId, w.name]));
  const caseload = (workerId: string, text: string | number) => (links ? <a href={`/caseload?${new URLSearchParams({ worker: workerId }).toString()}`}>{text}</a> : text);
  const days = (at: Date) => Math.max(0, Math.floor((props.now.getTime() - at.getTime()) / 86_400_000));
  return (
    <>
      <div class="table-wrap" tabIndex={0}>
        <table data-testid="weeks">
          <caption>The week and the 4 before it</caption>
          <thead><tr><th scope="col">Week</th><th scope="col">Due</th><th scope="col">Completed</th><th scope="col">Rate</th><th scope="col">Lapsed</th><th scope="col">Still open</th></tr></thead>
          <tbody>
            {figures.weeks.map((w, i) => (
              <tr><th scope="row">{report.weeks[i]}</th><td>{w.due}</td><td>{w.completed}</td><td>{percent(w.rate)}</td><td>{w.lapsed}</td><td>{w.stillOpen}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-wrap" tabIndex={0}>
        <table data-testid="workers">
          <caption>By worker, {report.week} (lowest rate first)</caption>
          <thead><tr><th scope="col">Worker</th><th scope="col">Due</th><th scope="col">Completed</th><th scope="col">Rate</th><th scope="col">Week before</th><th scope="col">Lapsed</th><th scope="col">Baselines</th><th scope="col">Open alerts</th></tr></thead>
          <tbody>
            {figures.workers.map((w) => (
              <tr data-worker={w.workerId}>
                <th scope="row">{w.name}</th><td>{caseload(w.workerId, w.due)}</td><td>{w.completed}</td><td>{percent(w.rate)}</td><td>{percent(w.previousRate)}</td>
                <td>{w.lapsed > 0 ? caseload(w.workerId, w.lapsed) : 0}</td><td>{w.baselines}</td><td>{w.openAlerts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-wrap" tabIndex={0}>
        <table data-testid="months">
          <caption>Month by month (timepoints count in the month their window closes)</caption>
          <thead><tr><th scope="col">Month</th><th scope="col">Baselines</th><th scope="col">Follow-ups due</th><th scope="col">Completed</th><th scope="col">Rate</th></tr></thead>
          <tbody>{figures.months.map((m) => <tr><th scope="row">{m.label}</th><td>{m.baselines}</td><td>{m.due}</td><td>{m.completed}</td><td>{percent(m.rate)}</td></tr>)}</tbody>
        </table>
      </div>
      <h2>From enrolment to follow-up, {report.week}</h2>
      <div class="table-wrap" tabIndex={0}>
        <table data-testid="funnel">
          <caption>The funnel</caption>
          <tbody>
            <tr><th scope="row">Enrolled</th><td>{figures.funnel.enrolled}</td></tr>
            <tr><th scope="row">Consented</th><td>{figures.funnel.consented}</td></tr>
            <tr><th scope="row">Baseline completed</th><td>{figures.funnel.baselineCompleted}</td></tr>
            <tr><th scope="row">Follow-up due</th><td>{figures.funnel.followUpDue}</td></tr>
            <tr><th scope="row">Follow-up completed</th><td>{figures.funnel.followUpCompleted}</td></tr>
            <tr><th scope="row">Follow-up lapsed</th><td>{figures.funnel.lapsed}</td></tr>
          </tbody>
        </table>
      </div>
      <h2>Open safeguarding alerts</h2>
      {report.openAlerts.length === 0 ? <p>None open.</p> : !props.references ? <p>{report.openAlerts.length} open.</p> : (
        <ul data-testid="open-alerts">
          {report.openAlerts.map((a) => <li><a href={`/service-users/${a.reference}`}>{a.reference}</a> ({names.get(a.workerId) ?? 'another worker'}), opened {formatDay(a.openedAt, report.timeZone)}, {days(a.openedAt)} days ago</li>)}
        </ul>
      )}
      <h2>Lapsed in {report.week}</h2>
      {report.lapsedThisWeek.length === 0 ? <p>Nobody lapsed.</p> : !props.references ? <p>{report.lapsedThisWeek.length} lapsed.</p> : (
        <ul data-testid="lapsed">
          {report.lapsedThisWeek.map((l) => <li><a href={`/service-users/${l.reference}`}>{l.reference}</a> ({names.get(l.workerId) ?? 'another worker'})</li>)}
        </ul>
      )}
    </>
  );
}
