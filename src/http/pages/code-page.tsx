import { ErrorSummary, type FieldError } from './error-summary.js';
import { Layout } from './layout.js';
import { TextField } from './text-field.js';

/** Step two: the code. Says "if this number is staff" because it must not say whether it is. */
export function CodePage(props: { orgName: string; csrf: string; phone: string; errors?: FieldError[] }) {
  const errors = props.errors ?? [];
  return (
    <Layout title="Enter your code" orgName={props.orgName}>
      <ErrorSummary errors={errors} />
      <p role="status">If {props.phone} is a staff number, we have texted it a 6-digit code. The code works for 10 minutes; if you asked for one in the last 10 minutes, use that one.</p>
      <form method="post" action="/sign-in/code" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="phone" value={props.phone} />
        <TextField name="code" label="Code" hint="6 digits" inputMode="numeric" autocomplete="one-time-code" errors={errors} maxLength={6} />
        <button type="submit">Sign in</button>
      </form>
      <p><a href="/sign-in">Use a different number or ask for a new code</a></p>
    </Layout>
  );
}
