import { parseDuration } from './parse-duration.js';
import { defaultReminderDays, type FollowUpTimepoint, type TimepointPlan } from './timepoint-plan.js';

/** A plan as an administrator writes it: durations as text ("6w", "7d"). */
export interface TimepointPlanInput {
  readonly followUps: readonly { readonly id: string; readonly offset: string; readonly windowBefore: string; readonly windowAfter: string }[];
  readonly discharge?: { readonly offset: string; readonly windowAfter: string };
  readonly reminders?: { readonly afterDays?: readonly number[] };
  readonly consentReminders?: { readonly afterDays?: readonly number[] };
}

export type ParsedTimepointPlan =
  | { readonly ok: true; readonly plan: TimepointPlan }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Read and check a plan, listing every problem at once so an administrator fixes them in one go.
 * Beyond the durations, it refuses plans that would make replies ambiguous or chasing pointless:
 * a window opening before the baseline, follow-ups out of order or with overlapping windows (a
 * reply could belong to either), and reminders that would fall after a window has closed.
 */
export function parseTimepointPlan(input: TimepointPlanInput): ParsedTimepointPlan {
  const problems: string[] = [];
  const days = (path: string, text: string): number => {
    const parsed = parseDuration(text);
    if (!parsed.ok) problems.push(`${path}: ${parsed.reason}`);
    return parsed.ok ? parsed.days : NaN;
  };
  const followUps = input.followUps.map((raw, index): FollowUpTimepoint => {
    const path = `followUps[${index}]`;
    if (raw.id.trim() === '') problems.push(`${path}.id: give the follow-up a name, e.g. "6w"`);
    return {
      id: raw.id.trim(),
      offsetDays: days(`${path}.offset`, raw.offset),
      windowBeforeDays: days(`${path}.windowBefore`, raw.windowBefore),
      windowAfterDays: days(`${path}.windowAfter`, raw.windowAfter),
    };
  });
  const discharge = input.discharge && {
    offsetDays: days('discharge.offset', input.discharge.offset),
    windowAfterDays: days('discharge.windowAfter', input.discharge.windowAfter),
  };
  const spans = [
    ...followUps.map((followUp) => ({ name: `follow-up "${followUp.id}"`, days: followUp.windowBeforeDays + followUp.windowAfterDays })),
    ...(discharge ? [{ name: 'the discharge follow-up', days: discharge.windowAfterDays }] : []),
  ];
  // Reminders nobody asked for are the usual ones that fit every window: a short window gets
  // fewer (or none), never a refusal of something the administrator did not write.
  const fitting = defaultReminderDays.filter((day) => spans.every((span) => Number.isNaN(span.days) || day <= span.days));
  const reminders = reminderDays('reminders.afterDays', input.reminders?.afterDays ?? fitting, problems);
  const consentReminders = reminderDays('consentReminders.afterDays', input.consentReminders?.afterDays, problems);
  checkFollowUps(followUps, problems);
  const lastReminder = reminders.at(-1) ?? 0;
  for (const span of spans.filter((candidate) => lastReminder > candidate.days)) {
    const fix = span.days >= 1 ? `give reminder days of ${span.days} or less` : 'give no reminders';
    problems.push(`reminders.afterDays: a reminder on day ${lastReminder} falls after the window of ${span.name} closes (${span.days} days after it opens); ${fix}, or a longer window`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const plan: TimepointPlan = { followUps, reminders: { afterDays: reminders }, consentReminders: { afterDays: consentReminders } };
  return { ok: true, plan: discharge ? { ...plan, discharge } : plan };
}

function checkFollowUps(followUps: readonly FollowUpTimepoint[], problems: string[]): void {
  followUps.forEach((followUp, index) => {
    const path = `followUps[${index}]`;
    if (followUps.findIndex((other) => other.id === followUp.id) < index) problems.push(`${path}.id: "${followUp.id}" is used twice`);
    if (followUp.offsetDays < 1) problems.push(`${path}.offset: a follow-up must come at least a day after the baseline`);
    if (followUp.windowBeforeDays >= followUp.offsetDays) {
      problems.push(`${path}.windowBefore: the window would open on or before the baseline day; make it shorter than the offset`);
    }
    const previous = followUps[index - 1];
    if (previous === undefined || [previous.offsetDays, followUp.offsetDays].some(Number.isNaN)) return;
    if (followUp.offsetDays <= previous.offsetDays) {
      problems.push(`${path}.offset: list follow-ups in time order; "${followUp.id}" comes no later than "${previous.id}"`);
    } else if (followUp.offsetDays - followUp.windowBeforeDays <= previous.offsetDays + previous.windowAfterDays) {
      problems.push(`${path}.windowBefore: the window of "${followUp.id}" opens on or before the day the window of "${previous.id}" closes`);
    }
  });
}

function reminderDays(path: string, given: readonly number[] | undefined, problems: string[]): number[] {
  const days = [...(given ?? defaultReminderDays)];
  if (days.some((day) => !Number.isInteger(day) || day < 1)) problems.push(`${path}: reminder days must be whole numbers of 1 or more`);
  else if (days.some((day, index) => index > 0 && day <= (days[index - 1] ?? 0))) problems.push(`${path}: list reminder days in increasing order without repeats`);
  return days;
}
