import { formatPercent } from '../../domain/analytics/format-percent.js';
import type { DashboardReport } from '../../app/reports/dashboard-report.js';
import { BarChart } from './bar-chart.js';
import { DashboardTables } from './dashboard-tables.js';
import { formatDay, formatTime } from './format.js';
import { Layout, type Viewer } from './layout.js';
import { LineChart } from './line-chart.js';
import { percent } from './percent.js';

export interface DashboardPageProps {
  orgName: string;
  viewer: Viewer;
  csrf: string;
  report: DashboardReport;
  /** Weeks to choose from, newest first. */
  weekChoices: string[];
  teams: string[];
  programmes?: Array<{ slug: string; name: string }>;
  /** The chosen programme's slug; none: every programme. */
  programme?: string | undefined;
  now: Date;
}

/**
 * The manager's dashboard: the week's follow-up rate against the week before, who needs support,
 * the last 12 months and the funnel; charts with a summary and a table each. Prints as an A4 report.
 */
export function DashboardPage(props: DashboardPageProps) {
  const { report, viewer } = props;
  const { figures } = report;
  const { summary } = figures;
  const tz = report.timeZone;
  const lastDay = new Date(report.end.getTime() - 1);
  const periodText = `week ${report.week}, ${formatDay(report.start, tz)} to ${formatDay(lastDay, tz)}`;
  const programmeName = props.programmes?.find((p) => p.slug === props.programme)?.name;
  const scope = [report.workerId ? 'your caseload' : report.team ? `team ${report.team}` : 'all workers', ...(programmeName ? [programmeName] : [])].join(', ');
  const week = figures.weeks.at(-1)!;
  const change = summary.followUpRate === null || summary.previousFollowUpRate === null ? null : formatPercent(summary.followUpRate) - formatPercent(summary.previousFollowUpRate);
  const rated = figures.workers.filter((w) => w.rate !== null);
  const lowest = rated[0];
  const months = figures.months;
  const lastMonth = months.at(-1);
  return (
    <Layout title={`Dashboard, ${report.week}`} orgName={props.orgName} viewer={viewer} csrf={props.csrf} current="/dashboard">
      <p class="report-meta" data-testid="report-meta">
        <strong>{props.orgName}</strong>: follow-ups for {periodText} ({scope}). Produced {formatTime(props.now, tz)}.
      </p>
      <form method="get" action="/dashboard" class="filters no-print">
        <div class="field">
          <label for="week">Week</label>
          <select id="week" name="week">{props.weekChoices.map((w) => <option value={w} selected={w === report.week}>{w}</option>)}</select>
        </div>
        {viewer.role !== 'worker' && props.teams.length > 0 && (
          <div class="field">
            <label for="team">Team</label>
            <select id="team" name="team">
              <option value="">All teams</option>
              {props.teams.map((t) => <option value={t} selected={t === report.team}>{t}</option>)}
            </select>
          </div>
        )}
        {(props.programmes ?? []).length > 1 && (
          <div class="field">
            <label for="programme">Programme</label>
            <select id="programme" name="programme">
              <option value="">All programmes</option>
              {(props.programmes ?? []).map((p) => <option value={p.slug} selected={p.slug === props.programme}>{p.name}</option>)}
            </select>
          </div>
        )}
        <button type="submit">Show</button>
      </form>
      <p class="hint no-print">To take it to a meeting, print the page or save it as PDF from the browser.</p>

      <h2>Follow-up rate</h2>
      <dl class="figures" data-testid="headline">
        <div><dt>Follow-up rate</dt><dd>{percent(summary.followUpRate)}</dd></div>
        <div><dt>Week before</dt><dd>{percent(summary.previousFollowUpRate)}{change !== null && <span class="change">{change === 0 ? ' (no change)' : ` (${change > 0 ? 'up' : 'down'} ${Math.abs(change)} points)`}</span>}</dd></div>
        <div><dt>Due</dt><dd>{summary.followUpsDue}</dd></div>
        <div><dt>Completed</dt><dd>{summary.followUpsCompleted}</dd></div>
        <div><dt>Lapsed</dt><dd>{week.lapsed}</dd></div>
        <div><dt>Still open</dt><dd>{week.stillOpen}</dd></div>
      </dl>

      <h2>By worker</h2>
      <BarChart id="by-worker" title={`Follow-up rate by worker, ${report.week}`}
        summary={rated.length === 0 ? 'No worker had follow-ups due this week.' : `${rated.length} workers had follow-ups due. Lowest: ${lowest!.name}, ${lowest!.completed} of ${lowest!.due} (${percent(lowest!.rate)}). Bars under half are drawn in vermilion rather than blue.`}
        bars={figures.workers.map((w) => ({ label: w.name, value: w.rate, detail: w.rate === null ? 'nothing due' : `${w.completed} of ${w.due} done, ${percent(w.rate)}` }))} />

      <h2>Month by month</h2>
      <LineChart id="by-month" title="Follow-up rate by month, last 12 months" unit="%" max={100}
        summary={lastMonth ? `In ${lastMonth.label}: ${lastMonth.completed} of ${lastMonth.due} follow-ups done (${percent(lastMonth.rate)}); ${lastMonth.baselines} baselines collected.` : ''}
        labels={months.map((m) => m.label.slice(2))}
        series={[{ name: 'Follow-up rate', className: 'series-a', values: months.map((m) => (m.rate === null ? null : formatPercent(m.rate))) }]} />
      <LineChart id="counts-by-month" title="Baselines and follow-ups by month"
        summary={`Over 12 months: ${months.reduce((n, m) => n + m.baselines, 0)} baselines, ${months.reduce((n, m) => n + m.due, 0)} follow-ups due, ${months.reduce((n, m) => n + m.completed, 0)} completed.`}
        labels={months.map((m) => m.label.slice(2))}
        series={[
          { name: 'Baselines collected', className: 'series-c', values: months.map((m) => m.baselines) },
          { name: 'Follow-ups due', className: 'series-a', values: months.map((m) => m.due) },
          { name: 'Follow-ups completed', className: 'series-b', values: months.map((m) => m.completed) },
        ]} />

      <DashboardTables report={report} links={viewer.role === 'manager' || viewer.role === 'admin'} references={viewer.role !== 'analyst'} now={props.now} />
    </Layout>
  );
}
