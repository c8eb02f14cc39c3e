import { parseDuration } from '../../domain/schedule/parse-duration.js';
import { parseTimepointPlan, type ParsedTimepointPlan } from '../../domain/schedule/parse-timepoint-plan.js';

/** A plan as the CLI and API take it: follow-up offsets, one window either side, optional discharge. */
export interface ProgrammePlanInput {
  readonly followUps: readonly string[];
  /** Days either side of each follow-up's due day, and after the discharge follow-up's. */
  readonly window: string;
  readonly discharge?: string;
  readonly reminders?: readonly number[];
}

/**
 * The short form turned into parseTimepointPlan's input, its problems reworded in terms of the
 * short form's own fields: one bad window is said once, not once per follow-up.
 */
export function programmePlan(input: ProgrammePlanInput): ParsedTimepointPlan {
  const parsed = parseTimepointPlan({
    followUps: input.followUps.map((offset) => ({ id: timepointId(offset), offset, windowBefore: input.window, windowAfter: input.window })),
    ...(input.discharge === undefined ? {} : { discharge: { offset: input.discharge, windowAfter: input.window } }),
    ...(input.reminders === undefined ? {} : { reminders: { afterDays: input.reminders } }),
  });
  if (parsed.ok) return parsed;
  return { ok: false, problems: [...new Set(parsed.problems.map(renameField))] };
}

/** "6 weeks" and "42d" both name the follow-up "6w": one spelling per timepoint in records and reports. */
function timepointId(offset: string): string {
  const parsed = parseDuration(offset);
  if (!parsed.ok) return offset.trim().toLowerCase();
  return parsed.days % 7 === 0 && parsed.days > 0 ? `${parsed.days / 7}w` : `${parsed.days}d`;
}

function renameField(problem: string): string {
  return problem
    .replace(/^followUps\[\d+\]\.window(?:Before|After): "/, 'window: "')
    .replace(/^discharge\.windowAfter: "/, 'window: "')
    .replace(/^followUps\[(\d+)\]\.(?:offset|id|windowBefore|windowAfter):/, 'followUps[$1]:')
    .replace(/^discharge\.(?:offset|windowAfter):/, 'discharge:')
    .replace(/^reminders\.afterDays:/, 'reminders:');
}
