import type { OutcomeReport } from '../../app/reports/outcome-report.js';
import type { MeasureOutcome } from '../../domain/analytics/measure-outcome.js';
import { ChangeChart, type ChangeRow } from './change-chart.js';
import { DateField } from './date-field.js';
import { ErrorSummary, type FieldError } from './error-summary.js';
import { formatTime } from './format.js';
import { Layout, type Viewer } from './layout.js';
import { OutcomeTables, changeText, figureText, shareText } from './outcome-tables.js';
import { ReliableChangeChart, type ReliableChangeRow } from './reliable-change-chart.js';

export interface OutcomesForm {
  from: string;
  to: string;
  programme: string;
  suppress: boolean;
}

export interface OutcomesPageProps {
  orgName: string;
  viewer: Viewer;
  csrf: string;
  form: OutcomesForm;
  errors: readonly FieldError[];
  /** Null when the form has errors. */
  report: OutcomeReport | null;
  programmes: Array<{ slug: string; name: string }>;
  /** An item's name as its one-item subscale calls it ("Life satisfaction"), by measure and item id. */
  itemLabel: (measure: string, item: string) => string;
  timeZone: string;
  now: Date;
}

/**
 * The commissioners' outcome report in the staff web app: the cohort's change per measure and the
 * reliable change categories as charts with a summary each, every figure in a table, and the
 * exports to download with the same filters. Managers, admins and analysts (always suppressed).
 */
export function OutcomesPage(props: OutcomesPageProps) {
  const { report, form, viewer } = props;
  const analyst = viewer.role === 'analyst';
  const programmeName = props.programmes.find((p) => p.slug === report?.programme)?.name;
  return (
    <Layout title="Outcomes" orgName={props.orgName} viewer={viewer} csrf={props.csrf} current="/outcomes">
      <ErrorSummary errors={props.errors} />
      {report && (
        <p class="report-meta" data-testid="report-meta">
          <strong>{props.orgName}</strong>: outcomes of the people whose baseline was completed from {report.from} to {report.to} ({programmeName ?? 'all programmes'}).
          {report.suppressed ? ' Small numbers suppressed: counts of 1 to 4 read "<5", and what could give them away is withheld.' : ' Not suppressed: for use inside the organisation.'}
          {' '}Produced {formatTime(props.now, props.timeZone)}.
        </p>
      )}
      <form method="get" action="/outcomes" class="filters no-print">
        <DateField name="from" label="Baselines from" value={form.from} errors={props.errors} />
        <DateField name="to" label="Baselines to" value={form.to} errors={props.errors} />
        {props.programmes.length > 0 && (
          <div class={props.errors.some((e) => e.field === 'programme') ? 'field field-error' : 'field'}>
            <label for="programme">Programme</label>
            <select id="programme" name="programme">
              <option value="">All programmes</option>
              {props.programmes.map((p) => <option value={p.slug} selected={p.slug === form.programme}>{p.name}</option>)}
            </select>
          </div>
        )}
        <div class="field choice">
          <input type="checkbox" id="suppress" name="suppress" value="yes" checked={form.suppress || analyst} disabled={analyst} aria-describedby="suppress-hint" />
          <div>
            <label for="suppress">Suppress small numbers</label>
            <p class="hint" id="suppress-hint">{analyst ? 'Always on for analysts.' : 'As anything that leaves the organisation must be.'}</p>
          </div>
        </div>
        <button type="submit">Show</button>
      </form>
      {report && <Report report={report} itemLabel={props.itemLabel} />}
      {report && <Downloads report={report} identifiable={viewer.role === 'manager' || viewer.role === 'admin'} />}
    </Layout>
  );
}

function Report(props: { report: OutcomeReport; itemLabel: OutcomesPageProps['itemLabel'] }) {
  const { measures } = props.report;
  if (measures.length === 0) return <p data-testid="no-cohort">Nobody's baseline was completed in this period{props.report.programme ? ' on this programme' : ''}.</p>;
  const changeRows = measures.flatMap((m) => rowsOf(m, props.itemLabel).map(({ label, figures, higherIsBetter }): ChangeRow => {
    const value = figures.effectSize === null ? null : higherIsBetter ? figures.effectSize : -figures.effectSize;
    const direction = figures.change.mean === null ? '' : (figures.change.mean > 0) === higherIsBetter ? 'better' : figures.change.mean === 0 ? 'no change' : 'worse';
    const detail = figures.change.mean === null ? 'not enough people to show'
      : `mean change ${changeText(figures)} (${direction}), ${value === null ? 'no effect size (everyone scored the same at baseline)' : `effect size ${figureText(figures.effectSize)}`}`;
    return { label, value, detail };
  }));
  const reliableRows = measures.filter((m) => m.items.length === 0).map((m): ReliableChangeRow => {
    const parts = [m.reliableImprovement, m.noReliableChange, m.reliableDeterioration];
    const percents = parts.map((p) => p?.percent ?? null);
    const shares = percents.every((p): p is number => p !== null) ? { improved: percents[0]!, none: percents[1]!, worse: percents[2]! } : null;
    const detail = m.reliableChangeThreshold === 'no threshold'
      ? 'no published reliable-change threshold'
      : `${shareText(m.reliableImprovement)} improved, ${shareText(m.noReliableChange)} no reliable change, ${shareText(m.reliableDeterioration)} deteriorated${shares ? '' : ' (small numbers withheld)'}`;
    return { label: m.title, shares, detail };
  });
  const best = [...changeRows].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)[0];
  return (
    <>
      <h2>Change per measure</h2>
      <ChangeChart id="change" title="Change from baseline to the latest follow-up, in standard deviations (effect size), improvement to the right"
        summary={best ? `Largest improvement: ${best.label}, ${best.detail}. Bars to the right of 0 are improvement, to the left (vermilion) deterioration.` : 'Not enough people with a baseline and a follow-up to show change.'}
        rows={changeRows} />
      {reliableRows.length > 0 && (
        <>
          <h2>Reliable change</h2>
          <ReliableChangeChart id="reliable" title="Reliable improvement, no reliable change and reliable deterioration, as shares of the paired"
            summary={reliableRows.map((r) => `${r.label}: ${r.detail}.`).join(' ')} rows={reliableRows} />
        </>
      )}
      {measures.map((m) => (
        <section aria-labelledby={`h-${m.measure}`}>
          <h2 id={`h-${m.measure}`}>{m.title}{!m.validated && <span class="tag">not validated</span>}</h2>
          {m.notes.length > 0 && <ul>{m.notes.map((note) => <li>{note}</li>)}</ul>}
          <OutcomeTables outcome={m} itemLabel={(item) => props.itemLabel(m.measure, item)} />
        </section>
      ))}
    </>
  );
}

/** The chart rows of a measure: its total, or each item of a measure without one. */
function rowsOf(m: MeasureOutcome, itemLabel: OutcomesPageProps['itemLabel']) {
  const name = (title: string) => (m.validated ? title : `${title} (not validated)`);
  return m.items.length === 0
    ? [{ label: name(m.title), figures: m, higherIsBetter: m.higherIsBetter }]
    : m.items.map((item) => ({ label: name(`${m.title}: ${itemLabel(m.measure, item.item)}`), figures: item, higherIsBetter: item.higherIsBetter }));
}

function Downloads(props: { report: OutcomeReport; identifiable: boolean }) {
  const { report } = props;
  const filter = { from: report.from, to: report.to, ...(report.programme ? { programme: report.programme } : {}) };
  const link = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams({ ...filter, ...query }).toString()}`;
  return (
    <section aria-labelledby="h-downloads" class="no-print">
      <h2 id="h-downloads">Download</h2>
      <p>The answers behind the report, one file each, pseudonymised: no phone number, name or free text, and a new pseudonym for each person in every export.</p>
      <ul class="downloads">
        <li><a href={link('/api/exports/assessments', { format: 'xlsx', shape: 'wide' })} download>Excel workbook, a row per completed questionnaire (with its data dictionary sheet)</a></li>
        <li><a href={link('/api/exports/assessments', { format: 'csv', shape: 'long' })} download>CSV, a row per answer</a> and <a href={link('/api/exports/assessments', { format: 'csv', shape: 'long', part: 'dictionary' })} download>its data dictionary (CSV)</a></li>
        <li><a href={link('/api/reports/outcomes', { suppress: String(report.suppressed) })} download>This report as JSON</a></li>
        {props.identifiable && <li><a href={link('/api/exports/assessments', { format: 'xlsx', shape: 'wide', identifiable: 'true' })} download>Internal Excel workbook with references and workers' names (never send it outside the organisation)</a></li>}
      </ul>
    </section>
  );
}
