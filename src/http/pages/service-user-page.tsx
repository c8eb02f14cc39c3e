import { itemText as textOfItem } from '../../domain/measures/item-text.js';
import type { serviceUserRecord } from '../../app/cases/service-user-record.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import { reliableChange } from '../../domain/measures/reliable-change.js';
import type { ScoreResult } from '../../domain/measures/score-measure.js';
import { formatDay, formatTime, statusText } from './format.js';
import { Layout, type Viewer } from './layout.js';
import { ScoreChart, type ScorePoint } from './score-chart.js';

export type RecordView = NonNullable<Awaited<ReturnType<typeof serviceUserRecord>>>;
type EnrolmentView = RecordView['enrolments'][number];
type AssessmentView = EnrolmentView['assessments'][number];

const hidden = (csrf: string) => <input type="hidden" name="_csrf" value={csrf} />;

/** One person's record: timeline, scores (chart and table), answers item by item, consent, alerts, actions. */
export function ServiceUserPage(props: {
  orgName: string; viewer: Viewer; csrf: string; record: RecordView; measures: MeasureCatalogue; timeZone: string;
  workers: Array<{ id: string; name: string }>; notice?: string;
}) {
  const { record, csrf } = props;
  const manager = props.viewer.role === 'manager' || props.viewer.role === 'admin';
  const current = record.enrolments.at(-1);
  return (
    <Layout title={`${record.reference}${record.label ? ` (${record.label})` : ''}${record.status === 'erased' ? ' (erased)' : ''}`} orgName={props.orgName} viewer={props.viewer} csrf={csrf}>
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {record.status === 'erased' && record.erasedAt && (
        <p class="notice" role="status">{`Erased on ${formatTime(record.erasedAt, props.timeZone)}: this person's number, name and message texts were removed. Their scores are kept, without anything that identifies them, for the organisation's figures.`}</p>
      )}
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">Open alerts</h2>
        {record.openAlerts.length === 0 ? <p>No open alerts.</p> : (
          <>
            <ul>{record.openAlerts.map((a) => <li>Risk answer to {a.itemId}, {formatTime(a.openedAt, props.timeZone)}</li>)}</ul>
            <form method="post" action={`/service-users/${record.reference}/ack`}>
              {hidden(csrf)}
              <div class="field"><label for="note">Note (what you did)</label><textarea id="note" name="note" rows={3} maxLength={500} /></div>
              <button type="submit">Acknowledge alerts</button>
            </form>
          </>
        )}
      </section>
      {current && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">Actions</h2>
          <p>Status: <strong>{statusText(current.status)}</strong>, on {current.programme ?? 'a programme'} with {current.worker ?? 'a former worker'}.</p>
          <div class="actions">
            {([['pause', 'Pause reminders'], ['resume', 'Resume'], ['withdraw', 'Withdraw'], ['discharge', 'Discharge (support ended)']] as const).map(([action, text]) => (
              <form method="post" action={`/service-users/${record.reference}/actions`}>
                {hidden(csrf)}<input type="hidden" name="action" value={action} />
                <button type="submit" class={action === 'withdraw' ? 'secondary' : undefined}>{text}</button>
              </form>
            ))}
          </div>
          {manager && (
            <form method="post" action={`/service-users/${record.reference}/reassign`} class="reassign">
              {hidden(csrf)}
              <div class="field"><label for="to">Reassign to</label>
                <select id="to" name="to">{props.workers.filter((w) => w.id !== current.workerId).map((w) => <option value={w.id}>{w.name}</option>)}</select>
              </div>
              <button type="submit">Reassign</button>
            </form>
          )}
        </section>
      )}
      {[...record.enrolments].reverse().map((enrolment) => <Enrolment enrolment={enrolment} measures={props.measures} timeZone={props.timeZone} />)}
    </Layout>
  );
}

function Enrolment(props: { enrolment: EnrolmentView; measures: MeasureCatalogue; timeZone: string }) {
  const { enrolment, timeZone } = props;
  const day = (at: Date | null | undefined) => (at ? formatDay(new Date(at), timeZone) : '—');
  const measureIds = [...new Set(enrolment.assessments.flatMap((a) => a.measures))];
  return (
    <section aria-labelledby={`e-${enrolment.id}`}>
      <h2 id={`e-${enrolment.id}`}>{enrolment.programme ?? 'Programme'} – {statusText(enrolment.status)}</h2>
      <p>Consent: {enrolment.consent ? `${enrolment.consent.decision === 'yes' ? 'agreed' : 'declined'} ${enrolment.consent.channel === 'in-person' ? 'in person' : `by ${enrolment.consent.channel}`}, ${day(enrolment.consent.at)} (version ${enrolment.consent.version})` : 'not yet given'}. Enrolled {day(enrolment.createdAt)} by {enrolment.channel === 'whatsapp' ? 'WhatsApp' : 'SMS'}.</p>
      <h3>Timeline</h3>
      <div class="table-wrap" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">Timepoint</th><th scope="col">Due</th><th scope="col">Window</th><th scope="col">Status</th><th scope="col">Answered</th><th scope="col">Score</th></tr></thead>
          <tbody>
            {enrolment.assessments.map((a) => (
              <tr>
                <th scope="row">{a.timepointId}</th><td>{day(a.dueAt)}</td><td>{day(a.opensAt)} to {day(a.closesAt)}</td>
                <td>{statusText(a.status as never)}{a.late ? ' (late)' : ''}</td><td>{day(a.completedAt)}</td>
                <td>{scoresOf(a).map(([id, s]) => `${id}: ${s.score ?? '—'}${s.band ? ` (${s.band})` : ''}`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {measureIds.map((measureId) => {
        const points: ScorePoint[] = enrolment.assessments.flatMap((a) => {
          const s = scoresOf(a).find(([id]) => id === measureId)?.[1];
          return s && s.score !== null ? [{ label: a.timepointId, score: s.score, band: s.band }] : [];
        });
        const measure = props.measures.get(measureId);
        const change = measure && points.length >= 2 ? reliableChange(measure, (points[0] as ScorePoint).score, (points.at(-1) as ScorePoint).score) : null;
        return points.length === 0 ? null : (
          <div>
            <h3>{measure?.title ?? measureId}</h3>
            <ScoreChart id={`chart-${enrolment.id}-${measureId}`} title={`${measure?.title ?? measureId} scores`} points={points} />
            {change && <p>Against the baseline: {change.classification.replace(/-/g, ' ')} (change {change.change > 0 ? '+' : ''}{change.change}, reliable change needs {change.threshold}).</p>}
          </div>
        );
      })}
      {enrolment.assessments.filter((a) => Object.keys(a.answers).length > 0).map((a) => (
        <details>
          <summary>Answers at {a.timepointId}</summary>
          <dl class="answers">
            {Object.entries(a.answers as Record<string, { raw: string; value: number | null }>).map(([itemId, answer]) => (
              <div><dt>{itemText(props.measures, a, itemId)}</dt><dd>{answer.raw}{answer.value !== null && String(answer.value) !== answer.raw ? ` (${answer.value})` : ''}</dd></div>
            ))}
          </dl>
        </details>
      ))}
    </section>
  );
}

function scoresOf(a: AssessmentView): Array<[string, ScoreResult]> {
  if (a.scores) return Object.entries(a.scores);
  return a.score ? [[a.measureId, a.score]] : [];
}

function itemText(measures: MeasureCatalogue, a: AssessmentView, key: string): string {
  return textOfItem(measures, a.measureId, key);
}
