/** A single checkbox with its label. */
export function CheckboxField(props: { name: string; label: string; checked?: boolean }) {
  return (
    <div class="field choice">
      <input type="checkbox" id={props.name} name={props.name} value="yes" checked={props.checked} />
      <label for={props.name}>{props.label}</label>
    </div>
  );
}
