import type { Programme } from '../../app/ports/programme-catalogue.js';
import { questionnaireOf } from '../../app/cases/programme-for.js';
import { ErrorSummary, type FieldError } from './error-summary.js';
import { formatDay } from './format.js';
import { Layout, type Viewer } from './layout.js';
import { ProgrammeFields, type ProgrammeFormValues } from './programme-fields.js';

/** Admins: every programme (open one to edit or retire it), and a form to add one. */
export function AdminProgrammesPage(props: {
  orgName: string; viewer: Viewer; csrf: string; timeZone: string; programmes: readonly Programme[]; measureIds: readonly string[];
  values: ProgrammeFormValues; errors: FieldError[]; notice?: string;
}) {
  return (
    <Layout title="Programmes" orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/admin/programmes">
      <ErrorSummary errors={props.errors} />
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <div class="table-wrap" tabIndex={0}>
        <table>
          <caption>Programmes ({props.programmes.length})</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Measures</th><th scope="col">Follow-ups</th><th scope="col">Plan version</th><th scope="col">State</th></tr></thead>
          <tbody>
            {props.programmes.map((p) => (
              <tr>
                <td><a href={`/admin/programmes/${p.id}`}>{p.name}</a></td>
                <td>{questionnaireOf(p).measures.join(', ')}</td>
                <td>{p.plan.followUps.map((f) => f.id).join(', ') || 'none'}{p.plan.discharge ? ', discharge' : ''}</td>
                <td>{p.planVersion ?? 1}</td>
                <td>{p.retiredAt ? `Retired ${formatDay(p.retiredAt, props.timeZone)}` : p.isDefault ? 'Default' : 'Open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a programme</h2>
      <form method="post" action="/admin/programmes" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <ProgrammeFields values={props.values} errors={props.errors} withName measureIds={props.measureIds} />
        <button type="submit">Add programme</button>
      </form>
    </Layout>
  );
}
