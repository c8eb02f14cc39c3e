import type { FieldError } from './error-summary.js';
import { CheckboxField } from './checkbox-field.js';
import { TextField } from './text-field.js';

export interface ProgrammeFormValues {
  name?: string; measures?: string; followUps?: string; window?: string; discharge?: string; reminders?: string;
  isDefault?: boolean; progressMessages?: boolean;
}

/** The fields of a programme's plan, shared by adding and editing (the name only when adding). */
export function ProgrammeFields(props: { values: ProgrammeFormValues; errors: readonly FieldError[]; withName: boolean; measureIds: readonly string[] }) {
  const { values, errors } = props;
  return (
    <>
      {props.withName && <TextField name="name" label="Name" hint="Workers type it after ENROL" value={values.name} errors={errors} maxLength={60} autocomplete="off" />}
      <TextField name="measures" label="Measures" hint={`Measure ids, separated by commas, asked at every timepoint. Loaded: ${props.measureIds.join(', ')}`} value={values.measures} errors={errors} maxLength={200} autocomplete="off" />
      <TextField name="followUps" label="Follow-ups" hint="Offsets from enrolment, separated by commas, for example 6w, 12w" value={values.followUps} errors={errors} maxLength={200} autocomplete="off" />
      <TextField name="window" label="Window" hint="Days either side of each due day, for example 7d" value={values.window} errors={errors} maxLength={20} autocomplete="off" />
      <TextField name="discharge" label="Discharge follow-up (optional)" hint="Offset after discharge, for example 4w" value={values.discharge} errors={errors} maxLength={20} autocomplete="off" />
      <TextField name="reminders" label="Reminders (optional)" hint="Days after a timepoint opens to chase, for example 2, 5" value={values.reminders} errors={errors} maxLength={40} autocomplete="off" />
      <CheckboxField name="isDefault" label="The default programme (ENROL without a programme name)" checked={values.isDefault} />
      <CheckboxField name="progressMessages" label="Send short progress messages after a follow-up" checked={values.progressMessages} />
    </>
  );
}
