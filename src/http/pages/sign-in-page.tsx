import { ErrorSummary, type FieldError } from './error-summary.js';
import { Layout } from './layout.js';
import { TextField } from './text-field.js';

/** Step one: the mobile number. The same page follows whether or not the number is staff. */
export function SignInPage(props: { orgName: string; csrf: string; phone?: string; errors?: FieldError[]; notice?: string }) {
  const errors = props.errors ?? [];
  return (
    <Layout title="Sign in" orgName={props.orgName}>
      <ErrorSummary errors={errors} />
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <p>We will text a 6-digit code to your work mobile. There is no password.</p>
      <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <TextField name="phone" label="Mobile number" hint="For example, 07700 900100" type="tel" autocomplete="tel" inputMode="tel" value={props.phone} errors={errors} maxLength={40} />
        <button type="submit">Text me a code</button>
      </form>
    </Layout>
  );
}
