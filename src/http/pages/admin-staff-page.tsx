import type { StaffView } from '../../app/admin/staff-view.js';
import { ErrorSummary, type FieldError } from './error-summary.js';
import { formatDay } from './format.js';
import { Layout, type Viewer } from './layout.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

export interface StaffFormValues { name?: string; phone?: string; role?: string; team?: string }

export const roleOptions = [
  { value: 'worker', text: 'Worker (own caseload)' }, { value: 'manager', text: 'Manager (whole organisation)' },
  { value: 'admin', text: 'Admin (also staff and programmes)' }, { value: 'analyst', text: 'Analyst (figures only)' },
];

/** Admins: who is on the staff (phones masked), remove each, and add someone. */
export function AdminStaffPage(props: { orgName: string; viewer: Viewer; csrf: string; timeZone: string; staff: readonly StaffView[]; values: StaffFormValues; errors: FieldError[]; notice?: string }) {
  const { values, errors } = props;
  return (
    <Layout title="Staff" orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/admin/staff">
      <ErrorSummary errors={errors} />
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <div class="table-wrap" tabIndex={0}>
        <table>
          <caption>Staff ({props.staff.length})</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Team</th><th scope="col">Phone</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {props.staff.map((m) => (
              <tr>
                <td>{m.name}</td><td>{m.role}</td><td>{m.team}</td><td>{m.phone}</td><td>{formatDay(m.createdAt, props.timeZone)}</td>
                <td><a href={`/admin/staff/${m.id}/remove`}>Remove<span class="visually-hidden"> {m.name}</span></a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a member of staff</h2>
      <form method="post" action="/admin/staff" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <TextField name="name" label="Name" value={values.name} errors={errors} maxLength={80} autocomplete="off" />
        <TextField name="phone" label="Mobile number" hint="They sign in and text the bot from it, for example 07700 900123" type="tel" inputMode="tel" value={values.phone} errors={errors} maxLength={40} autocomplete="off" />
        <SelectField name="role" label="Role" options={roleOptions} value={values.role ?? 'worker'} errors={errors} />
        <TextField name="team" label="Team" value={values.team ?? 'main'} errors={errors} maxLength={40} />
        <button type="submit">Add</button>
      </form>
    </Layout>
  );
}
