import type { ScheduledTimepoint, ScheduleOptions, TimepointPlan } from './timepoint-plan.js';
import { timepointWindow } from './timepoint-window.js';

export const dischargeTimepointId = 'discharge';

/**
 * The discharge follow-up, counted from the instant the worker marked the enrolment done (DONE),
 * or null when the plan has none. Its window opens on the due day.
 */
export function scheduleDischarge(
  plan: Pick<TimepointPlan, 'discharge'>,
  timeZone: string,
  doneAt: Date,
  options: ScheduleOptions = {},
): ScheduledTimepoint | null {
  if (plan.discharge === undefined) return null;
  const { offsetDays, windowAfterDays } = plan.discharge;
  return {
    timepointId: dischargeTimepointId,
    kind: 'discharge',
    ...timepointWindow({ anchor: doneAt, offsetDays, windowBeforeDays: 0, windowAfterDays }, timeZone, options),
  };
}
