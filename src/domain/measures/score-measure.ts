import { findBand } from './find-band.js';
import { keyedValue } from './keyed-value.js';
import type { Answers, Measure, MeasureItem } from './measure.js';
import { scoreSubscales } from './score-subscales.js';
import type { SubscaleResult } from './score-subscales.js';

export interface RiskFlag {
  readonly itemId: string;
  readonly value: number;
  readonly atOrAbove: number;
  readonly label: string;
}

export interface ScoreResult {
  readonly measureId: string;
  readonly version: string;
  /** False when the answers break the missing-item rule or are not options; `reason` says which. */
  readonly scorable: boolean;
  readonly reason: string | null;
  readonly answered: number;
  /** Scored items without an answer. */
  readonly missing: readonly string[];
  /** Sum after reverse keying; scaled up to a full set of items when `prorated`. */
  readonly total: number | null;
  readonly prorated: boolean;
  readonly converted: number | null;
  /** The score to report and compare: the converted score where there is one, else the total. */
  readonly score: number | null;
  readonly band: string | null;
  readonly cutoff: { readonly label: string; readonly reached: boolean } | null;
  readonly subscales: readonly SubscaleResult[];
  /** Raised whatever else happens, even when the total cannot be scored: someone must look. */
  readonly riskFlags: readonly RiskFlag[];
  /** Levels in item order ("11213") for profile measures such as EQ-5D-5L, once all are answered. */
  readonly profile: string | null;
}

/** Score one set of answers by the measure's published rules. Pure; never throws. */
export function scoreMeasure(measure: Measure, answers: Answers): ScoreResult {
  const given = new Map(Object.entries(answers).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  const problems = findAnswerProblems(measure, given);
  const riskFlags = measure.items.flatMap((item) => riskFlag(item, given.get(item.id)));
  const keyed = new Map([...given].flatMap(([id, value]) => {
    const item = measure.items.find((candidate) => candidate.id === id);
    return item ? [[id, keyedValue(item, value)] as const] : [];
  }));
  const { scoring } = measure;
  const scored = scoring.items ?? measure.items.map((item) => item.id);
  const missing = scored.filter((id) => !keyed.has(id));
  // Key order here is the order people read the JSON in (CLI, exports); later spreads keep it.
  const base = {
    measureId: measure.id,
    version: measure.version,
    scorable: true,
    reason: null,
    answered: scored.length - missing.length,
    missing,
    total: null,
    prorated: false,
    converted: null,
    score: null,
    band: null,
    cutoff: null,
    subscales: problems.length > 0 ? [] : scoreSubscales(measure, keyed),
    riskFlags,
    profile: problems.length > 0 ? null : profileOf(measure, given),
  };
  if (problems.length > 0) return { ...base, scorable: false, reason: problems.join('; ') };
  if (scoring.method === 'none') return base;
  if (missing.length > scoring.missing.maxMissing) return { ...base, scorable: false, reason: missingReason(measure, missing) };

  const sum = scored.reduce((total, id) => total + (keyed.get(id) ?? 0), 0);
  const prorated = missing.length > 0;
  // Prorating (e.g. CORE-10: 10 x total / answered) puts a short set on the full-set scale.
  const total = prorated ? Math.round(((sum * scored.length) / base.answered) * 100) / 100 : sum;
  const converted = scoring.conversion?.table.find((row) => row.raw === total)?.score ?? null;
  const score = converted ?? total;
  const cutoff = scoring.cutoff ? { label: scoring.cutoff.label, reached: score >= scoring.cutoff.atOrAbove } : null;
  return { ...base, total, prorated, converted, score, band: findBand(scoring.bands, score), cutoff };
}

function riskFlag(item: MeasureItem, value: number | undefined): RiskFlag[] {
  if (!item.risk || value === undefined || value < item.risk.atOrAbove) return [];
  return [{ itemId: item.id, value, atOrAbove: item.risk.atOrAbove, label: item.risk.label }];
}

function findAnswerProblems(measure: Measure, given: ReadonlyMap<string, number>): string[] {
  return [...given].flatMap(([id, value]) => {
    const item = measure.items.find((candidate) => candidate.id === id);
    if (!item) return [`${measure.id} has no item "${id}"`];
    if (item.options.some((option) => option.value === value)) return [];
    return [`${value} is not an answer to "${id}" (${item.options.map((option) => option.value).join(', ')})`];
  });
}

function missingReason(measure: Measure, missing: readonly string[]): string {
  const { maxMissing } = measure.scoring.missing;
  const which = `${missing.length} missing (${missing.join(', ')})`;
  if (maxMissing === 0) return `${measure.title} needs every answer to be scored; ${which}`;
  return `${measure.title} can be scored with at most ${maxMissing} missing ${maxMissing === 1 ? 'answer' : 'answers'}; ${which}`;
}

function profileOf(measure: Measure, given: ReadonlyMap<string, number>): string | null {
  if (!measure.scoring.profile) return null;
  const values = measure.items.map((item) => given.get(item.id));
  if (values.some((value) => value === undefined)) return null;
  return values.every((value) => value !== undefined && value >= 0 && value <= 9) ? values.join('') : values.join('-');
}
