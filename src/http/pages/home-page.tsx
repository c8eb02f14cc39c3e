import type { WeeklyReport } from '../../app/reports/weekly-report.js';
import { Layout, type Viewer } from './layout.js';

const percent = (rate: number | null) => (rate === null ? 'nothing due' : `${Math.round(rate * 100)}%`);

/** Managers', admins' and analysts' home until the dashboard issue fills it: the week's follow-up figures. */
export function HomePage(props: { orgName: string; viewer: Viewer; csrf: string; report: WeeklyReport }) {
  const { summary } = props.report;
  return (
    <Layout title={`Follow-ups, week ${props.report.week}`} orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/">
      <dl class="figures">
        <div><dt>Follow-up rate</dt><dd>{percent(summary.followUpRate)}</dd></div>
        <div><dt>Week before</dt><dd>{percent(summary.previousFollowUpRate)}</dd></div>
        <div><dt>Follow-ups due</dt><dd>{summary.followUpsDue}</dd></div>
        <div><dt>Completed</dt><dd>{summary.followUpsCompleted}</dd></div>
        <div><dt>Enrolments</dt><dd>{summary.enrolments}</dd></div>
        <div><dt>Open alerts</dt><dd>{summary.openAlerts}</dd></div>
      </dl>
      <div class="table-wrap" tabIndex={0}>
        <table>
          <caption>By worker</caption>
          <thead><tr><th scope="col">Worker</th><th scope="col">Due</th><th scope="col">Completed</th><th scope="col">Rate</th><th scope="col">Week before</th></tr></thead>
          <tbody>
            {summary.perWorker.map((w) => (
              <tr><th scope="row">{w.name}</th><td>{w.due}</td><td>{w.completed}</td><td>{percent(w.rate)}</td><td>{percent(w.previousRate)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
