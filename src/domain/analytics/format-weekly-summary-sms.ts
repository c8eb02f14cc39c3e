import type { WeeklySummary, WorkerSummary } from './weekly-summary.js';
import { countSmsSegments } from '../messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';
import { formatPercent } from './format-percent.js';

export interface WeeklySummarySmsOptions {
  readonly orgName: string;
  readonly dashboardUrl: string;
  /** How the week is named in the message, e.g. "w/c 23 Nov" or "2026-W48". */
  readonly weekLabel: string;
}

const maxSegments = 3;

/**
 * The manager's weekly text: at most three GSM-7 segments, whatever the names. Long worker names
 * are shortened first, then the best/lowest line is dropped, then the organisation name is cut; the
 * link is never cut, since the dashboard is where the detail lives. Throws RangeError only when the
 * link and bare numbers alone cannot fit, which is a configuration problem.
 */
export function formatWeeklySummarySms(summary: WeeklySummary, options: WeeklySummarySmsOptions): string {
  const attempts = [
    { nameLength: Infinity, ranking: true, orgLength: 40 },
    { nameLength: 20, ranking: true, orgLength: 40 },
    { nameLength: 12, ranking: true, orgLength: 30 },
    { nameLength: 8, ranking: true, orgLength: 20 },
    { nameLength: 8, ranking: false, orgLength: 12 },
  ];
  for (const attempt of attempts) {
    const text = compose(summary, options, attempt);
    if (countSmsSegments(text).segments <= maxSegments) return text;
  }
  throw new RangeError(`weekly summary does not fit ${maxSegments} SMS segments; is the dashboard URL too long?`);
}

function compose(
  summary: WeeklySummary,
  options: WeeklySummarySmsOptions,
  limits: { nameLength: number; ranking: boolean; orgLength: number },
): string {
  const late = summary.followUpsLate > 0 ? ` (${summary.followUpsLate} late)` : '';
  const lines = [
    `${shorten(options.orgName, limits.orgLength)} weekly summary, ${shorten(options.weekLabel, 30)}`,
    `Enrolled ${summary.enrolments}. Baselines done ${summary.baselinesCompleted}.`,
    `Follow-ups due ${summary.followUpsDue}, completed ${summary.followUpsCompleted}${late}.`,
    rateLine(summary.followUpRate, summary.previousFollowUpRate),
    limits.ranking ? rankingLine(summary.best, summary.lowest, limits.nameLength) : '',
    `Lapsed ${summary.lapses}. Open alerts ${summary.openAlerts}.`,
    normaliseToGsm7(options.dashboardUrl.trim()),
  ];
  return lines.filter((line) => line !== '').join('\n');
}

function rateLine(rate: number | null, previous: number | null): string {
  const lastWeek = previous === null ? 'none due last week' : `last week ${formatPercent(previous)}%`;
  if (rate === null) return `Follow-up rate n/a, none due (${lastWeek}).`;
  if (previous === null) return `Follow-up rate ${formatPercent(rate)}% (${lastWeek}).`;
  // Points come from the rounded figures shown, so the sum a manager does in their head agrees.
  const change = formatPercent(rate) - formatPercent(previous);
  const trend = change === 0 ? 'no change' : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} ${Math.abs(change) === 1 ? 'pt' : 'pts'}`;
  return `Follow-up rate ${formatPercent(rate)}% (${lastWeek}, ${trend}).`;
}

function rankingLine(best: WorkerSummary | null, lowest: WorkerSummary | null, nameLength: number): string {
  const describe = (worker: WorkerSummary) => `${shorten(worker.name, nameLength)} ${formatPercent(worker.rate ?? 0)}%`;
  if (best === null) return '';
  if (lowest === null) return `Only worker with follow-ups due: ${describe(best)}.`;
  return `Best: ${describe(best)}. Lowest: ${describe(lowest)}.`;
}

/** GSM-7 text of at most `length` characters, cut at a character and marked with a full stop. */
function shorten(text: string, length: number): string {
  const characters = [...normaliseToGsm7(text).replace(/\s+/g, ' ').trim()];
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('').trimEnd()}.`;
}
