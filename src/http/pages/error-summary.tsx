export interface FieldError {
  field: string;
  message: string;
}

/** The GOV.UK pattern: a summary at the top linking to each field, each error also beside its field. */
export function ErrorSummary(props: { errors: readonly FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {props.errors.map((error) => (
          <li><a href={`#${error.field}`}>{error.message}</a></li>
        ))}
      </ul>
    </div>
  );
}
