import type { WorkerDigestInput } from './worker-digest.js';

/** Everything a worker's digest could mention today, each item with a key that names it for good. */
export interface DigestCandidates {
  /** Windows (baselines too) that closed in the last few days without an answer. */
  readonly lapsed: ReadonlyArray<{ readonly key: string; readonly reference: string }>;
  /** Follow-ups not yet done that fall due from today to 6 days on; `today`: due today. */
  readonly due: ReadonlyArray<{ readonly key: string; readonly reference: string; readonly dueAt: Date; readonly today: boolean }>;
  /** References with a safeguarding alert nobody has acknowledged. */
  readonly openAlerts: readonly string[];
  /** People whose number was lately found to look wrong (repeatedly undeliverable); the key names the finding. */
  readonly wrongNumbers?: ReadonlyArray<{ readonly key: string; readonly reference: string }>;
}

export type DigestNews = Pick<WorkerDigestInput, 'lapsed' | 'dueToday' | 'dueThisWeek' | 'openAlerts'> & {
  readonly wrongNumbers: readonly string[];
  /** Keys to remember as told once this digest is sent. */
  readonly said: readonly string[];
};

/**
 * What is new for a worker today, given the keys earlier digests told (`said`):
 * - a lapse, once;
 * - a follow-up, once when it first comes within 7 days, and again on the day it falls due, when
 *   the invitation goes and a word from the worker helps most; one due today that was never
 *   mentioned is said once, as due today;
 * - open alerts, every day until acknowledged: a safeguarding alert is the one thing worth
 *   repeating, and a digest is at most one a day;
 * - a number that looks wrong, once;
 * - on Saturdays and Sundays (`weekend`), open alerts only. Nothing else is marked as told, so the
 *   weekend's lapses and newly due follow-ups come on Monday, and a due-today mention whose day
 *   was a weekend day is not made at all (it was said when it came within 7 days).
 */
export function digestNews(candidates: DigestCandidates, said: ReadonlySet<string>, options: { readonly weekend: boolean }): DigestNews {
  const openAlerts = [...new Set(candidates.openAlerts)].sort(byReference);
  if (options.weekend) return { lapsed: [], dueToday: [], dueThisWeek: [], openAlerts, wrongNumbers: [], said: [] };
  const told: string[] = [];
  const wrongNumbers = (candidates.wrongNumbers ?? []).filter((item) => !said.has(`number:${item.key}`));
  told.push(...wrongNumbers.map((item) => `number:${item.key}`));
  const lapsed = candidates.lapsed.filter((item) => !said.has(`lapse:${item.key}`));
  told.push(...lapsed.map((item) => `lapse:${item.key}`));
  const dueToday = candidates.due.filter((item) => item.today && !said.has(`today:${item.key}`));
  told.push(...dueToday.flatMap((item) => [`today:${item.key}`, `due:${item.key}`]));
  const dueSoon = candidates.due.filter((item) => !item.today && !said.has(`due:${item.key}`));
  told.push(...dueSoon.map((item) => `due:${item.key}`));
  const todayReferences = new Set(dueToday.map((item) => item.reference));
  return {
    lapsed: [...new Set(lapsed.map((item) => item.reference))].sort(byReference),
    dueToday: [...todayReferences].sort(byReference),
    // A person already named as due today is not named again for a later timepoint.
    dueThisWeek: earliestPerPerson(dueSoon.filter((item) => !todayReferences.has(item.reference))),
    openAlerts,
    wrongNumbers: [...new Set(wrongNumbers.map((item) => item.reference))].sort(byReference),
    said: [...new Set(told)],
  };
}

function earliestPerPerson(items: ReadonlyArray<{ reference: string; dueAt: Date }>): Array<{ reference: string; dueAt: Date }> {
  const earliest = new Map<string, Date>();
  for (const { reference, dueAt } of items) {
    const known = earliest.get(reference);
    if (known === undefined || dueAt.getTime() < known.getTime()) earliest.set(reference, dueAt);
  }
  return [...earliest].map(([reference, dueAt]) => ({ reference, dueAt })).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || byReference(a.reference, b.reference));
}

function byReference(a: string, b: string): number {
  return a.localeCompare(b);
}
