import type { ScheduledTimepoint, ScheduleOptions, TimepointPlan } from './timepoint-plan.js';
import { timepointWindow } from './timepoint-window.js';

/**
 * Every follow-up of a plan, placed from the instant the baseline was completed. Pure: the same
 * plan, zone and instant always give the same instants, so a job can recompute rather than trust
 * what it stored. See timepointWindow for how days, send time and quiet hours combine.
 */
export function scheduleFollowUps(
  plan: Pick<TimepointPlan, 'followUps'>,
  timeZone: string,
  baselineCompletedAt: Date,
  options: ScheduleOptions = {},
): ScheduledTimepoint[] {
  return plan.followUps.map((followUp) => ({
    timepointId: followUp.id,
    kind: 'follow-up',
    ...timepointWindow({ anchor: baselineCompletedAt, ...followUp }, timeZone, options),
  }));
}
