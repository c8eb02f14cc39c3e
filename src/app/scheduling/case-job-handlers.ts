import type { CaseDeps } from '../cases/case-deps.js';
import type { CaseJobHandlers } from '../ports/job-scheduler.js';
import type { DigestLog } from '../ports/digest-log.js';
import type { NumberHealth } from '../ports/number-health.js';
import type { ReportSource } from '../ports/report-source.js';
import { sendDailyDigests } from './send-daily-digests.js';
import { sendWeeklySummary } from './send-weekly-summary.js';
import { lapseConsent, remindConsent } from './chase-consent.js';
import { escalateAlert } from './escalate-alert.js';
import { lapseTimepoint } from './lapse-timepoint.js';
import { openTimepoint } from './open-timepoint.js';
import { remindTimepoint } from './remind-timepoint.js';

/** Every case job and the use case it runs. */
export function caseJobHandlers(deps: CaseDeps & { reports: ReportSource; digests: DigestLog; numbers: NumberHealth; publicBaseUrl: string }): CaseJobHandlers {
  return {
    'digest:daily': () => sendDailyDigests(deps),
    'summary:weekly': () => sendWeeklySummary(deps),
    'timepoint:open': (id) => openTimepoint(deps, id),
    'timepoint:remind': (id) => remindTimepoint(deps, id),
    'timepoint:lapse': (id) => lapseTimepoint(deps, id),
    'consent:remind': (id) => remindConsent(deps, id),
    'consent:lapse': (id) => lapseConsent(deps, id),
    'alert:escalate': (id) => escalateAlert(deps, id),
  };
}
