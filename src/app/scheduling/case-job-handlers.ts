import type { CaseDeps } from '../cases/case-deps.js';
import type { CaseJobHandlers } from '../ports.js';
import { lapseConsent, remindConsent } from './chase-consent.js';
import { escalateAlert } from './escalate-alert.js';
import { lapseTimepoint } from './lapse-timepoint.js';
import { openTimepoint } from './open-timepoint.js';
import { remindTimepoint } from './remind-timepoint.js';

/** Every case job and the use case it runs. */
export function caseJobHandlers(deps: CaseDeps): CaseJobHandlers {
  return {
    'timepoint:open': (id) => openTimepoint(deps, id),
    'timepoint:remind': (id) => remindTimepoint(deps, id),
    'timepoint:lapse': (id) => lapseTimepoint(deps, id),
    'consent:remind': (id) => remindConsent(deps, id),
    'consent:lapse': (id) => lapseConsent(deps, id),
    'alert:escalate': (id) => escalateAlert(deps, id),
  };
}
