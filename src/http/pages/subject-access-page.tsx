import type { SubjectAccessReport } from '../../app/privacy/subject-access.js';
import { formatDay, formatTime } from './format.js';

/** Inline, so the file is whole on its own: it is handed over, opened offline, printed. */
const css = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #111}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #bbb;padding:.3rem .5rem}th{background:#eee}.note{background:#fff4cc;padding:.5rem 1rem}
@media print{body{margin:0}}`;

/**
 * The subject access export as a page a worker can hand over: what we hold, in plain words, with
 * no external assets (styles inline, no script, no links to fetch).
 */
export function SubjectAccessPage(props: { report: SubjectAccessReport; orgName: string; timeZone: string }) {
  const { report: r, timeZone } = props;
  const day = (at: Date | null | undefined) => (at ? formatDay(new Date(at), timeZone) : '–');
  const time = (at: Date | null | undefined) => (at ? formatTime(new Date(at), timeZone) : '–');
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <title>{`What ${props.orgName} holds about ${r.reference}`}</title>
        <style>{css}</style>
      </head>
      <body>
        <h1>{`What ${props.orgName} holds about you (${r.reference})`}</h1>
        <p>{`This is a copy of everything our text message check-in service holds about you, made on ${time(r.generatedAt)}.`}</p>
        {r.status === 'erased' && <p class="note">{`Your details were erased on ${day(r.erasedAt)}. What is left has nothing in it that identifies you.`}</p>}
        <h2>About you</h2>
        <table>
          <tbody>
            <tr><th scope="row">Your reference</th><td>{r.reference}</td></tr>
            <tr><th scope="row">Mobile number</th><td>{r.phone ?? 'Not held'}</td></tr>
            <tr><th scope="row">Name or note your worker gave</th><td>{r.label ?? 'None'}</td></tr>
            <tr><th scope="row">First added</th><td>{day(r.createdAt)}</td></tr>
            <tr><th scope="row">Said STOP to our texts</th><td>{r.optedOut ? 'Yes: we do not text this number' : 'No'}</td></tr>
          </tbody>
        </table>
        <h2>Your programmes</h2>
        <Table head={['Programme', 'Worker', 'By', 'Started', 'Status', 'Last change']}
          rows={r.enrolments.map((e) => [e.programme ?? '–', e.worker ?? '–', e.channel === 'whatsapp' ? 'WhatsApp' : 'Text', day(e.createdAt), e.status, day(e.updatedAt)])} empty="None." />
        <h2>Your consent</h2>
        <Table head={['Answer', 'Wording version', 'When', 'How']}
          rows={r.consents.map((c) => [c.decision === 'yes' ? 'Yes' : 'No', c.version, time(c.at), c.channel === 'in-person' ? 'In person' : 'By text'])} empty="No consent recorded." />
        <h2>Your check-ins and answers</h2>
        {r.timepoints.length === 0 && <p>None.</p>}
        {r.timepoints.map((t) => (
          <section>
            <h3>{`${t.kind === 'baseline' ? 'First check-in' : t.kind === 'discharge' ? 'Last check-in' : `Follow-up (${t.timepointId})`}: ${t.status}`}</h3>
            <p>{`Due ${day(t.dueAt)}, window closed ${day(t.closesAt)}${t.completedAt ? `, completed ${time(t.completedAt)}` : ''}.`}</p>
            <Table head={['Question', 'What you replied', 'Recorded as', 'When']} rows={t.answers.map((a) => [a.question, a.text ?? '(removed)', a.value === null ? 'skipped' : String(a.value), time(a.at)])} empty="No answers." />
            {t.scores.length > 0 && <p>{`Scores: ${t.scores.map((s) => `${s.measure} ${s.score ?? '–'}${s.band ? ` (${s.band})` : ''}`).join('; ')}.`}</p>}
          </section>
        ))}
        {r.answersInProgress.length > 0 && (
          <>
            <h3>Answers to the check-in you are part-way through</h3>
            <Table head={['Question', 'What you replied', 'Recorded as']} rows={r.answersInProgress.map((a) => [a.question, a.text, a.value === null ? 'skipped' : String(a.value)])} empty="None." />
          </>
        )}
        <h2>Messages</h2>
        <Table head={['When', 'Direction', 'Message', 'Delivery']}
          rows={r.messages.map((m) => [time(m.at), m.direction === 'in' ? 'From you' : 'To you', m.body ?? '(text removed)', m.events.length > 0 ? m.events.map((e) => `${e.status} ${time(e.at)}`).join(', ') : m.status])} empty="None held." />
        <h2>Alerts to your worker</h2>
        <Table head={['Raised', 'Because of question', 'Seen by your worker']} rows={r.alerts.map((a) => [time(a.openedAt), a.item, a.acknowledgedAt ? time(a.acknowledgedAt) : 'Not yet'])} empty="None." />
        <h2>Who looked at or changed your record</h2>
        <Table head={['When', 'What', 'By']} rows={r.audit.map((e) => [time(e.at), e.note ? `${e.action}: ${e.note}` : e.action, e.actor])} empty="Nothing recorded." />
      </body>
    </html>
  );
}

function Table(props: { head: string[]; rows: string[][]; empty: string }) {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <table>
      <thead><tr>{props.head.map((h) => <th scope="col">{h}</th>)}</tr></thead>
      <tbody>{props.rows.map((row) => <tr>{row.map((cell) => <td>{cell}</td>)}</tr>)}</tbody>
    </table>
  );
}
