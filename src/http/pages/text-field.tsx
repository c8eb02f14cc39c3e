import type { FieldError } from './error-summary.js';

/** A labelled input with its hint and its error beside it (aria-describedby ties them together). */
export function TextField(props: {
  name: string; label: string; value?: string; hint?: string; errors?: readonly FieldError[];
  type?: 'text' | 'tel'; autocomplete?: string; inputMode?: 'numeric' | 'tel' | 'text'; maxLength?: number; required?: boolean;
}) {
  const error = props.errors?.find((e) => e.field === props.name);
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.name}-hint`}>{props.hint}</p>}
      {error && <p class="error" id={`${props.name}-error`}><span class="visually-hidden">Error: </span>{error.message}</p>}
      <input
        id={props.name} name={props.name} type={props.type ?? 'text'} value={props.value ?? ''} autocomplete={props.autocomplete}
        inputMode={props.inputMode} maxLength={props.maxLength} required={props.required}
        aria-describedby={described || undefined} aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}
