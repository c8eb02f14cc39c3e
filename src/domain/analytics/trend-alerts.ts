import type { AssessmentRecord, Period, WorkerRecord } from './analytics-records.js';
import { followUpRateByWorker } from './follow-up-rate-by-worker.js';
import { formatPercent } from './format-percent.js';
import { isLapsedIn } from './is-lapsed-in.js';

export type TrendAlert =
  | { readonly kind: 'rate-fell'; readonly workerId: string; readonly firstName: string; readonly from: number; readonly to: number }
  | { readonly kind: 'lapses'; readonly workerId: string; readonly firstName: string; readonly lapses: number };

export const rateFallPoints = 20;
export const lapsesInAWeek = 3;

/**
 * Who a manager should hear about on Monday: a worker whose follow-up rate over the last 4 weeks
 * fell by 20 points or more against the 4 weeks before (both rates known, in the whole
 * percentages the text shows), or with 3 or more lapses in the week just ended. Empty when
 * nothing changed. `weeks` are 8 consecutive weeks, oldest first. By first name, then id.
 */
export function trendAlerts(assessments: readonly AssessmentRecord[], workers: readonly WorkerRecord[], weeks: readonly Period[]): TrendAlert[] {
  if (weeks.length !== 8) throw new RangeError('trendAlerts needs 8 consecutive weeks');
  const earlier = followUpRateByWorker(assessments, { start: weeks[0]!.start, end: weeks[3]!.end });
  const later = followUpRateByWorker(assessments, { start: weeks[4]!.start, end: weeks[7]!.end });
  const lastWeek = weeks[7]!;
  const lapses = new Map<string, number>();
  for (const a of assessments) if (isLapsedIn(a, lastWeek)) lapses.set(a.workerId, (lapses.get(a.workerId) ?? 0) + 1);
  const names = new Map(workers.map((w) => [w.id, firstName(w.name)]));
  const alerts: TrendAlert[] = [];
  const ids = [...new Set([...later.keys(), ...lapses.keys()])];
  for (const workerId of ids) {
    const name = names.get(workerId) ?? workerId;
    const before = earlier.get(workerId)?.rate ?? null;
    const now = later.get(workerId)?.rate ?? null;
    if (before !== null && now !== null && formatPercent(before) - formatPercent(now) >= rateFallPoints) {
      alerts.push({ kind: 'rate-fell', workerId, firstName: name, from: formatPercent(before), to: formatPercent(now) });
    }
    const count = lapses.get(workerId) ?? 0;
    if (count >= lapsesInAWeek) alerts.push({ kind: 'lapses', workerId, firstName: name, lapses: count });
  }
  return alerts.sort((a, b) => a.firstName.localeCompare(b.firstName, 'en') || (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
}

/** The line the Monday text gives an alert, e.g. "Alice: 4-wk rate 60% -> 30%" or "Bob: 3 lapsed this week". */
export function trendAlertLine(alert: TrendAlert, nameLength = 12): string {
  const name = [...alert.firstName].length > nameLength ? `${[...alert.firstName].slice(0, nameLength - 1).join('')}.` : alert.firstName;
  return alert.kind === 'rate-fell' ? `${name}: 4-wk rate ${alert.from}% -> ${alert.to}%` : `${name}: ${alert.lapses} lapsed this week`;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
