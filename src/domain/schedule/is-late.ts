import type { ScheduledTimepoint } from './timepoint-plan.js';

/**
 * Whether a questionnaire was completed outside its window, bounds included in the window: too
 * early as well as too late, since both make the timepoint a poorer measure of the same interval.
 * Late answers are kept and counted, but flagged so analysis can leave them out.
 */
export function isLate(completedAt: Date, window: Pick<ScheduledTimepoint, 'opensAt' | 'closesAt'>): boolean {
  return completedAt.getTime() < window.opensAt.getTime() || completedAt.getTime() > window.closesAt.getTime();
}
