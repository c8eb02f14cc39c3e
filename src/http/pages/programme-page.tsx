import type { TimepointBurden } from '../../app/admin/programme-burden.js';
import type { Programme } from '../../app/ports/programme-catalogue.js';
import { ErrorSummary, type FieldError } from './error-summary.js';
import { formatDay } from './format.js';
import { Layout, type Viewer } from './layout.js';
import { ProgrammeFields, type ProgrammeFormValues } from './programme-fields.js';

/** One programme for an admin: what each timepoint asks of a person (burden), the edit form, retire. */
export function ProgrammePage(props: {
  orgName: string; viewer: Viewer; csrf: string; timeZone: string; programme: Programme; burden: readonly TimepointBurden[]; measureIds: readonly string[];
  values: ProgrammeFormValues; errors: FieldError[]; problem?: string; notice?: string;
}) {
  const { programme } = props;
  return (
    <Layout title={programme.name} orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/admin/programmes">
      <ErrorSummary errors={props.errors} />
      {props.problem && <p class="error-banner" role="alert">{props.problem}</p>}
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <p>Plan version {programme.planVersion ?? 1}; {programme.retiredAt ? `retired ${formatDay(programme.retiredAt, props.timeZone)}` : programme.isDefault ? 'the default programme' : 'open for enrolment'}.</p>
      <div class="table-wrap" tabIndex={0}>
        <table>
          <caption>What each timepoint asks of a person</caption>
          <thead><tr><th scope="col">Timepoint</th><th scope="col">Measures</th><th scope="col">Questions</th><th scope="col">SMS segments</th></tr></thead>
          <tbody>
            {props.burden.map((t) => (
              <tr>
                <td>{t.timepointId}</td><td>{t.measures.join(', ')}</td><td>{t.questions}</td>
                <td>{t.segments.total}{t.warning && <span class="error"> Warning: {t.warning}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!programme.retiredAt && (
        <>
          <h2>Edit</h2>
          <p>People enrolled from now on get the new plan; people already on it keep theirs.</p>
          <form method="post" action={`/admin/programmes/${programme.id}`} novalidate>
            <input type="hidden" name="_csrf" value={props.csrf} />
            <ProgrammeFields values={props.values} errors={props.errors} withName={false} measureIds={props.measureIds} />
            <button type="submit">Save changes</button>
          </form>
          <h2>Retire</h2>
          <p>No new enrolments; people on it carry on to the end of their plan.</p>
          <form method="post" action={`/admin/programmes/${programme.id}/retire`}>
            <input type="hidden" name="_csrf" value={props.csrf} />
            <button type="submit" class="warning">Retire {programme.name}</button>
          </form>
        </>
      )}
      <p><a href="/admin/programmes">Back to programmes</a></p>
    </Layout>
  );
}
