import type { Programme } from '../ports/programme-catalogue.js';

/** "now and again in about 6 and 12 weeks": when a programme will ask, for the consent request. */
export function describePlan(programme: Pick<Programme, 'plan'>): string {
  const offsets = programme.plan.followUps.map((f) => f.offsetDays);
  if (offsets.length === 0) return 'now';
  const inWeeks = offsets.every((days) => days % 7 === 0);
  const numbers = offsets.map((days) => (inWeeks ? days / 7 : days));
  const unit = inWeeks ? 'weeks' : 'days';
  const list = numbers.length === 1 ? `${numbers[0]}` : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return `now and again in about ${list} ${numbers.length === 1 && numbers[0] === 1 ? unit.slice(0, -1) : unit}`;
}
