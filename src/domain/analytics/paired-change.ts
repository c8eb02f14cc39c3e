import { jStat } from 'jstat';

/** One person's score at baseline and at their latest completed follow-up. */
export interface ScorePair {
  readonly baseline: number;
  readonly followUp: number;
}

export type ReliableChangeCategory = 'improved' | 'no-reliable-change' | 'deteriorated';

export interface PairedChangeRules {
  readonly higherIsBetter: boolean;
  /** The measure's reliable-change threshold; null when it has none (nothing is invented). */
  readonly reliableChange: number | null;
  /** Caseness: a score at or above this is a case (PHQ-9 10, GAD-7 8, CORE-10 11); null when none. */
  readonly casenessAtOrAbove: number | null;
}

/** Unrounded, unsuppressed statistics of a paired set: what the report rounds and suppresses. */
export interface PairedChange {
  readonly n: number;
  readonly baselineMean: number | null;
  readonly followUpMean: number | null;
  /** Follow-up minus baseline: negative is better on a measure where lower is better. */
  readonly meanChange: number | null;
  /** Paired t interval; null below 2 pairs, where there is no spread to estimate. */
  readonly ci95: readonly [number, number] | null;
  /** Mean change / sample SD at baseline; null below 2 pairs or when everyone started equal. */
  readonly effectSize: number | null;
  /** Null when the measure has no reliable-change threshold. */
  readonly reliable: Readonly<Record<ReliableChangeCategory, number>> | null;
  /** Null when the measure has no caseness cut-off. */
  readonly caseness: { readonly casesAtBaseline: number; readonly recovered: number; readonly reliablyRecovered: number | null } | null;
}

/**
 * The outcome statistics of a paired set (baseline and latest follow-up of the same people), as
 * NHS Talking Therapies reports them: reliable improvement and deterioration are a change of at
 * least the threshold in the better or worse direction; recovery is a case at baseline who is not
 * a case at follow-up, counted among the cases at baseline; reliable recovery is recovery with
 * reliable improvement. Pure.
 */
export function pairedChange(pairs: readonly ScorePair[], rules: PairedChangeRules): PairedChange {
  const n = pairs.length;
  const changes = pairs.map((pair) => roundTo(pair.followUp - pair.baseline, 6));
  const baselineMean = mean(pairs.map((pair) => pair.baseline));
  const meanChange = mean(changes);
  const categories = rules.reliableChange === null ? null : pairs.map((pair) => classify(pair, rules.higherIsBetter, rules.reliableChange as number));
  return {
    n,
    baselineMean,
    followUpMean: mean(pairs.map((pair) => pair.followUp)),
    meanChange,
    ci95: confidenceInterval(changes),
    effectSize: effectSize(meanChange, sampleSd(pairs.map((pair) => pair.baseline))),
    reliable: categories && {
      improved: categories.filter((c) => c === 'improved').length,
      'no-reliable-change': categories.filter((c) => c === 'no-reliable-change').length,
      deteriorated: categories.filter((c) => c === 'deteriorated').length,
    },
    caseness: rules.casenessAtOrAbove === null ? null : caseness(pairs, categories, rules.casenessAtOrAbove),
  };
}

/** As domain/measures/reliable-change.ts: the change rounded to 2 places before comparing, so 17.43 - 14.43 is 3. */
export function classify(pair: ScorePair, higherIsBetter: boolean, threshold: number): ReliableChangeCategory {
  const change = Math.round((pair.followUp - pair.baseline) * 100) / 100;
  const better = higherIsBetter ? change : -change;
  return better >= threshold ? 'improved' : better <= -threshold ? 'deteriorated' : 'no-reliable-change';
}

function caseness(pairs: readonly ScorePair[], categories: readonly ReliableChangeCategory[] | null, atOrAbove: number): NonNullable<PairedChange['caseness']> {
  const cases = pairs.map((pair, index) => ({ pair, category: categories?.[index] })).filter(({ pair }) => pair.baseline >= atOrAbove);
  const recovered = cases.filter(({ pair }) => pair.followUp < atOrAbove);
  return {
    casesAtBaseline: cases.length,
    recovered: recovered.length,
    reliablyRecovered: categories === null ? null : recovered.filter(({ category }) => category === 'improved').length,
  };
}

function confidenceInterval(changes: readonly number[]): readonly [number, number] | null {
  const centre = mean(changes);
  const sd = sampleSd(changes);
  if (centre === null || sd === null) return null;
  const half = tQuantile975(changes.length - 1) * (sd / Math.sqrt(changes.length));
  return [centre - half, centre + half];
}

function effectSize(meanChange: number | null, baselineSd: number | null): number | null {
  if (meanChange === null || baselineSd === null || baselineSd === 0) return null;
  return meanChange / baselineSd;
}

/** The 97.5th percentile of Student's t with `dof` degrees of freedom (jStat's inverse CDF). */
export function tQuantile975(dof: number): number {
  return jStat.studentt.inv(0.975, dof);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n - 1); null below two values. */
export function sampleSd(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null || values.length < 2) return null;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1));
}

function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
