import type { OpenAlertRow } from '../../app/cases/open-alerts-view.js';
import { formatTime } from './format.js';
import { Layout, type Viewer } from './layout.js';

/** Open safeguarding alerts, oldest first, each with its age, who was told, and ACK with a note. */
export function AlertsPage(props: { orgName: string; viewer: Viewer; csrf: string; timeZone: string; now: Date; alerts: readonly OpenAlertRow[]; notice?: string }) {
  return (
    <Layout title="Open alerts" orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/alerts">
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      {props.alerts.length === 0 ? <p>No open safeguarding alerts.</p> : (
        <ol class="alerts">
          {props.alerts.map((a) => (
            <li class="alert-card">
              <h2><a href={`/service-users/${a.reference}`}>{a.reference}</a>: risk answer to {a.itemId}</h2>
              <p>Opened {formatTime(a.openedAt, props.timeZone)} ({age(a.openedAt, props.now)} ago).</p>
              <p>Told: {a.workerName} (worker){a.escalatedAt ? `; managers at ${formatTime(a.escalatedAt, props.timeZone)}` : ''}.</p>
              <form method="post" action={`/service-users/${a.reference}/ack`}>
                <input type="hidden" name="_csrf" value={props.csrf} />
                <input type="hidden" name="from" value="alerts" />
                <div class="field">
                  <label for={`note-${a.id}`}>Note for {a.reference} (what you did)</label>
                  <textarea id={`note-${a.id}`} name="note" rows={3} maxLength={500} />
                </div>
                <button type="submit">Acknowledge {a.reference}</button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

function age(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
