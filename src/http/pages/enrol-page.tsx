import { ErrorSummary, type FieldError } from './error-summary.js';
import { Layout, type Viewer } from './layout.js';
import { TextField } from './text-field.js';

export interface EnrolValues { phone?: string; programme?: string; label?: string; channel?: string; consentInPerson?: boolean }

/** The enrolment form: what ENROL by text takes, with each problem beside its field and summarised on top. */
export function EnrolPage(props: { orgName: string; viewer: Viewer; csrf: string; programmes: Array<{ slug: string; name: string; isDefault?: boolean }>; values: EnrolValues; errors: FieldError[]; problem?: string }) {
  const { values, errors } = props;
  const programmeError = errors.find((e) => e.field === 'programme');
  return (
    <Layout title="Enrol someone" orgName={props.orgName} viewer={props.viewer} csrf={props.csrf} current="/enrol">
      <ErrorSummary errors={errors} />
      {props.problem && <p class="error-banner" role="alert">{props.problem}</p>}
      <form method="post" action="/enrol" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <TextField name="phone" label="Their mobile number" hint="A UK mobile, for example 07700 900123" type="tel" autocomplete="off" inputMode="tel" value={values.phone} errors={errors} maxLength={40} />
        <div class={programmeError ? 'field field-error' : 'field'}>
          <label for="programme">Programme</label>
          {programmeError && <p class="error" id="programme-error"><span class="visually-hidden">Error: </span>{programmeError.message}</p>}
          <select id="programme" name="programme" aria-describedby={programmeError ? 'programme-error' : undefined}>
            {props.programmes.map((p) => <option value={p.slug} selected={values.programme ? values.programme === p.slug : p.isDefault}>{p.name}</option>)}
          </select>
        </div>
        <TextField name="label" label="Label (optional)" hint="A name or note only you and colleagues see; it is stored encrypted" value={values.label} errors={errors} maxLength={60} />
        <fieldset class="field">
          <legend>How should we text them?</legend>
          <div class="choice"><input type="radio" id="channel-sms" name="channel" value="sms" checked={values.channel !== 'whatsapp'} /><label for="channel-sms">SMS</label></div>
          <div class="choice"><input type="radio" id="channel-whatsapp" name="channel" value="whatsapp" checked={values.channel === 'whatsapp'} /><label for="channel-whatsapp">WhatsApp</label></div>
        </fieldset>
        <div class="field choice">
          <input type="checkbox" id="consentInPerson" name="consentInPerson" value="yes" checked={values.consentInPerson} />
          <label for="consentInPerson">They agreed in person just now (we will not text them a consent request)</label>
        </div>
        <button type="submit">Enrol</button>
      </form>
    </Layout>
  );
}
