import type { FieldError } from './error-summary.js';

/** A labelled date input (the browser's date picker; YYYY-MM-DD without one) with its error beside it. */
export function DateField(props: { name: string; label: string; value: string; errors: readonly FieldError[] }) {
  const error = props.errors.find((e) => e.field === props.name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {error && <p class="error" id={`${props.name}-error`}><span class="visually-hidden">Error: </span>{error.message}</p>}
      <input id={props.name} name={props.name} type="date" value={props.value} aria-describedby={error ? `${props.name}-error` : undefined} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
}
