import type { FieldError } from './error-summary.js';

/** A labelled select with its error beside it. */
export function SelectField(props: { name: string; label: string; options: ReadonlyArray<{ value: string; text: string }>; value?: string; hint?: string; errors?: readonly FieldError[] }) {
  const error = props.errors?.find((e) => e.field === props.name);
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.name}-hint`}>{props.hint}</p>}
      {error && <p class="error" id={`${props.name}-error`}><span class="visually-hidden">Error: </span>{error.message}</p>}
      <select id={props.name} name={props.name} aria-describedby={described || undefined} aria-invalid={error ? 'true' : undefined}>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.text}</option>)}
      </select>
    </div>
  );
}
