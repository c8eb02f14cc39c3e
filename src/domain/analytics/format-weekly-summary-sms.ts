import type { WeeklySummary, WorkerSummary } from './weekly-summary.js';
import { countSmsSegments } from '../messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';
import { formatPercent } from './format-percent.js';
import { trendAlertLine, type TrendAlert } from './trend-alerts.js';

export interface WeeklySummarySmsOptions {
  readonly orgName: string;
  readonly dashboardUrl: string;
  /** How the week is named in the message, e.g. "week of 23 Nov" or "2026-W48". */
  readonly weekLabel: string;
  /** Workers whose rate fell or who had many lapses (trendAlerts); none: nothing is said. */
  readonly trendAlerts?: readonly TrendAlert[];
}

const maxSegments = 2;

/**
 * The manager's Monday text: one figure per line in plain words, at most two GSM-7 segments
 * whatever the names. Long worker names are shortened first, then the best/lowest lines are
 * dropped, then the organisation name and the week's name are cut; the link is never cut, since the dashboard is where
 * the detail lives. Throws RangeError only when the link and bare numbers alone cannot fit, which
 * is a configuration problem.
 */
export function formatWeeklySummarySms(summary: WeeklySummary, options: WeeklySummarySmsOptions): string {
  const attempts = [
    { nameLength: Infinity, ranking: true, orgLength: 40, weekLength: 30 },
    { nameLength: 20, ranking: true, orgLength: 40, weekLength: 30 },
    { nameLength: 12, ranking: true, orgLength: 30, weekLength: 30 },
    { nameLength: 8, ranking: true, orgLength: 20, weekLength: 30 },
    { nameLength: 8, ranking: false, orgLength: 12, weekLength: 30 },
    { nameLength: 8, ranking: false, orgLength: 12, weekLength: 16 },
  ];
  const trends = options.trendAlerts ?? [];
  for (const attempt of attempts) {
    const text = compose(summary, options, { ...attempt, trends: trends.length });
    if (countSmsSegments(text).segments <= maxSegments) return text;
  }
  // Trend alerts go last, fewest first dropped: "+2 more" still tells the manager to look.
  const tightest = attempts.at(-1)!;
  for (let shown = trends.length - 1; shown >= 0; shown -= 1) {
    const text = compose(summary, options, { ...tightest, trends: shown });
    if (countSmsSegments(text).segments <= maxSegments) return text;
  }
  throw new RangeError(`weekly summary does not fit ${maxSegments} SMS segments; is the dashboard URL too long?`);
}

function compose(
  summary: WeeklySummary,
  options: WeeklySummarySmsOptions,
  limits: { nameLength: number; ranking: boolean; orgLength: number; weekLength: number; trends: number },
): string {
  const trends = options.trendAlerts ?? [];
  const hidden = trends.length - limits.trends;
  const lines = [
    `${shorten(options.orgName, limits.orgLength)} summary, ${shorten(options.weekLabel, limits.weekLength)}`,
    ...followUpLines(summary),
    ...trends.slice(0, limits.trends).map((alert) => normaliseToGsm7(trendAlertLine(alert, Math.min(limits.nameLength, 12)))),
    ...(hidden > 0 ? [`+${hidden} more on the dashboard`] : []),
    ...(limits.ranking ? rankingLines(summary, limits.nameLength) : []),
    `Enrolled: ${summary.enrolments}`,
    `Baselines done: ${summary.baselinesCompleted}`,
    `Lapsed: ${summary.lapses}`,
    `Alerts not yet seen: ${summary.openAlerts}`,
    normaliseToGsm7(options.dashboardUrl.trim()),
  ];
  return lines.join('\n');
}

/** The follow-up rate, said plainly when nothing was due, then how it compares with the week before. */
function followUpLines(summary: WeeklySummary): string[] {
  const { followUpRate: rate, previousFollowUpRate: previous } = summary;
  if (rate === null) {
    return ['No follow-ups were due', previous === null ? 'None were due the week before either' : `Week before: ${formatPercent(previous)}% done`];
  }
  const lines = [`Follow-ups: ${summary.followUpsCompleted} of ${summary.followUpsDue} done (${formatPercent(rate)}%)`];
  if (summary.followUpsLate > 0) lines.push(`${summary.followUpsLate} done late`);
  if (previous === null) return [...lines, 'None were due the week before'];
  // Points come from the rounded figures shown, so the sum a manager does in their head agrees.
  const change = formatPercent(rate) - formatPercent(previous);
  const points = `${Math.abs(change)} ${Math.abs(change) === 1 ? 'point' : 'points'}`;
  const trend = change === 0 ? 'no change' : `${change > 0 ? 'up' : 'down'} ${points}`;
  return [...lines, `Week before: ${formatPercent(previous)}% (${trend})`];
}

function rankingLines({ best, lowest, perWorker }: WeeklySummary, nameLength: number): string[] {
  const name = (worker: WorkerSummary) => shorten(worker.name, nameLength);
  const done = (worker: WorkerSummary) => `${worker.completed} of ${worker.due} done`;
  if (best === null) return [];
  // With one worker their figures are the totals above, so naming them is all there is to add.
  if (lowest === null) return [`Only ${name(best)} had follow-ups due`];
  // Best and lowest are different people, so the same figure for both means everyone's was the same.
  const percent = formatPercent(best.rate ?? 0);
  if (percent === formatPercent(lowest.rate ?? 0)) return [`All ${perWorker.filter((worker) => worker.rate !== null).length} workers: ${percent}% done`];
  return [`Best: ${name(best)}, ${done(best)}`, `Lowest: ${name(lowest)}, ${done(lowest)}`];
}

/** GSM-7 text of at most `length` characters, cut at a character and marked with a full stop. */
function shorten(text: string, length: number): string {
  const characters = [...normaliseToGsm7(text).replace(/\s+/g, ' ').trim()];
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('').trimEnd()}.`;
}
