import { ErrorSummary, type FieldError } from './error-summary.js';
import { Layout, type Viewer } from './layout.js';
import { SelectField } from './select-field.js';

/** Confirming a removal; someone with a live caseload needs the worker who takes it over. */
export function RemoveStaffPage(props: {
  orgName: string; viewer: Viewer; csrf: string; member: { id: string; name: string; role: string }; live: number;
  workers: ReadonlyArray<{ id: string; name: string }>; reassignTo?: string; errors: FieldError[];
}) {
  const { member, errors } = props;
  return (
    <Layout title={`Remove ${member.name}`} orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/admin/staff">
      <ErrorSummary errors={errors} />
      <p>{member.name} ({member.role}) will no longer be able to sign in or text the bot; their sessions and API tokens end now. Their history stays attributed to them.</p>
      <form method="post" action={`/admin/staff/${member.id}/remove`} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.live > 0 && (
          <SelectField name="reassignTo" label={`Who takes over their ${props.live} ${props.live === 1 ? 'person' : 'people'}?`} value={props.reassignTo} errors={errors}
            options={[{ value: '', text: 'Choose a worker' }, ...props.workers.map((w) => ({ value: w.id, text: w.name }))]} />
        )}
        <button type="submit" class="warning">Remove {member.name}</button>
      </form>
      <p><a href="/admin/staff">Back to staff</a></p>
    </Layout>
  );
}
