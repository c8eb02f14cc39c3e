import type { CaseloadQuery, CaseloadRow } from '../../app/cases/caseload-view.js';
import { Layout, type Viewer } from './layout.js';
import { formatDay, statusText } from './format.js';

export interface CaseloadPageProps {
  orgName: string; viewer: Viewer; csrf: string; query: CaseloadQuery;
  rows: CaseloadRow[]; total: number; page: number; pages: number;
  workers: Array<{ id: string; name: string }>; teams: string[]; timeZone: string;
}

const statuses = ['pending-consent', 'consent-lapsed', 'active', 'paused'] as const;
const sorts: Array<[CaseloadQuery['sort'], string]> = [['reference', 'Reference'], ['next-due', 'Next due'], ['last-reply', 'Last reply'], ['status', 'Status']];

/** The caseload: a filter form (GET, so it works without JavaScript and can be bookmarked), the table, paging. */
export function CaseloadPage(props: CaseloadPageProps) {
  const { query, viewer } = props;
  const manager = viewer.role !== 'worker';
  const link = (page: number) => `/caseload?${new URLSearchParams({
    ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), sort: query.sort,
    ...(query.workerId ? { worker: query.workerId } : {}), ...(query.team ? { team: query.team } : {}), page: String(page),
  }).toString()}`;
  return (
    <Layout title={manager ? 'Caseload' : 'Your caseload'} orgName={props.orgName} viewer={viewer} csrf={props.csrf} current="/caseload">
      <form method="get" action="/caseload" class="filters">
        <div class="field"><label for="q">Search by reference or label</label><input id="q" name="q" type="search" value={query.q ?? ''} maxLength={60} /></div>
        <div class="field"><label for="status">Status</label>
          <select id="status" name="status">
            <option value="">Everyone</option>
            {statuses.map((s) => <option value={s} selected={query.status === s}>{statusText(s)}</option>)}
          </select>
        </div>
        <div class="field"><label for="sort">Sort by</label>
          <select id="sort" name="sort">{sorts.map(([value, text]) => <option value={value} selected={query.sort === value}>{text}</option>)}</select>
        </div>
        {manager && (
          <div class="field"><label for="worker">Worker</label>
            <select id="worker" name="worker">
              <option value="">All workers</option>
              {props.workers.map((w) => <option value={w.id} selected={query.workerId === w.id}>{w.name}</option>)}
            </select>
          </div>
        )}
        {manager && (
          <div class="field"><label for="team">Team</label>
            <select id="team" name="team">
              <option value="">All teams</option>
              {props.teams.map((t) => <option value={t} selected={query.team === t}>{t}</option>)}
            </select>
          </div>
        )}
        <button type="submit">Show</button>
      </form>
      <p role="status">{props.total === 0 ? 'Nobody matches.' : `${props.total} ${props.total === 1 ? 'person' : 'people'}; page ${props.page} of ${props.pages}.`}</p>
      {props.rows.length > 0 && (
        <div class="table-wrap" tabIndex={0}>
          <table class="caseload">
            <caption class="visually-hidden">People on the caseload</caption>
            <thead><tr>
              <th scope="col">Reference</th><th scope="col">Label</th><th scope="col">Programme</th>{manager && <th scope="col">Worker</th>}
              <th scope="col">Status</th><th scope="col">Next due</th><th scope="col">Last reply</th><th scope="col">Open alerts</th>
            </tr></thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row"><a href={`/service-users/${row.reference}`}>{row.reference}</a></th>
                  <td>{row.label ?? ''}</td>
                  <td>{row.programme}</td>
                  {manager && <td>{row.worker}</td>}
                  <td>{statusText(row.status)}</td>
                  <td>{row.nextDue ? `${row.nextDue.timepointId} ${row.nextDue.open ? 'open until' : ''} ${formatDay(row.nextDue.at, props.timeZone)}` : '—'}</td>
                  <td>{row.lastReply ? formatDay(row.lastReply, props.timeZone) : '—'}</td>
                  <td>{row.openAlerts > 0 ? <strong class="alert-count">{row.openAlerts}</strong> : '0'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.pages > 1 && (
        <nav aria-label="Pages" class="pager">
          {props.page > 1 && <a href={link(props.page - 1)} rel="prev">Previous page</a>}
          {props.page < props.pages && <a href={link(props.page + 1)} rel="next">Next page</a>}
        </nav>
      )}
    </Layout>
  );
}
