import { findBand } from '../measures/find-band.js';
import type { Band } from '../measures/measure-schema.js';
import type { Measure, MeasureItem } from '../measures/measure.js';
import { pairedChange, type PairedChange, type ScorePair } from './paired-change.js';

/** One completed assessment of one measure, as the outcome report reads it. */
export interface MeasureObservation {
  /** The score to compare (converted where there is a conversion); null when unscorable or the measure has no total. */
  readonly score: number | null;
  /** The values chosen, by the measure's own item ids; null or absent = not answered. */
  readonly items: Readonly<Record<string, number | null | undefined>>;
}

/** One person of the cohort (their baseline of the measure was completed in the period). */
export interface CohortMember {
  readonly baseline: MeasureObservation;
  readonly followUpsCompleted: number;
  /** Their latest completed follow-up of the measure; null when none. */
  readonly latestFollowUp: MeasureObservation | null;
}

export interface MeasureCohort {
  /** Enrolments made in the period on a programme that asks the measure at baseline. */
  readonly enrolled: number;
  readonly members: readonly CohortMember[];
}

/**
 * A count; when small numbers are suppressed, "<5" for 1 to 4, and "withheld" for a larger count
 * held back so that a "<5" beside it cannot be worked out by subtraction (secondary suppression).
 */
export type Count = number | '<5' | 'withheld';
export interface Share {
  readonly count: Count;
  /** Of the denominator the figure names (the paired set, or the cases at baseline), 1 decimal; null from fewer than 5 when suppressed. */
  readonly percent: number | null;
}
export interface BandShare extends Share {
  readonly band: string;
}

export interface ChangeFigures {
  readonly paired: Count;
  readonly baselineMean: number | null;
  readonly followUpMean: number | null;
  readonly change: { readonly mean: number | null; readonly ci95: readonly [number, number] | null };
  readonly effectSize: number | null;
  readonly reliableChangeThreshold: number | 'no threshold';
  readonly reliableImprovement: Share | null;
  readonly noReliableChange: Share | null;
  readonly reliableDeterioration: Share | null;
  readonly casenessThreshold: number | 'no threshold';
  readonly casesAtBaseline: Count | null;
  readonly recovery: Share | null;
  readonly reliableRecovery: Share | null;
}

export interface ItemOutcome extends ChangeFigures {
  readonly item: string;
  readonly higherIsBetter: boolean;
  readonly baselines: Count;
  readonly followUps: Count;
  /** Shares of the paired set in each band at baseline and at follow-up; null for items without bands. */
  readonly bands: { readonly baseline: readonly BandShare[]; readonly followUp: readonly BandShare[] } | null;
}

export interface MeasureOutcome extends ChangeFigures {
  readonly measure: string;
  readonly title: string;
  readonly version: string;
  /** False for an organisation's own (bespoke) measure: its figures describe, they do not diagnose. */
  readonly validated: boolean;
  readonly higherIsBetter: boolean;
  readonly enrolled: Count;
  readonly baselines: Count;
  readonly followUps: Count;
  /** Per item, for measures without a total (ONS4); empty for measures with one. */
  readonly items: readonly ItemOutcome[];
  readonly notes: readonly string[];
}

/** Below this many people a count is shown as "<5" and what is derived from it is withheld. */
export const smallNumber = 5;

/**
 * The outcome figures of one measure for a cohort. A measure with a total is reported on its
 * total; one without (ONS4, scoring "none") per item, with the top-level figures null. Nothing is
 * invented: without a reliable-change threshold or a caseness cut-off the figures that need one are
 * null and the threshold reads "no threshold". With `suppress`, counts of 1-4 read "<5" and the
 * means and percentages of fewer than 5 people are null. Means 2 decimals, percentages 1. Pure.
 */
export function measureOutcome(measure: Measure, cohort: MeasureCohort, options: { suppress: boolean }): MeasureOutcome {
  const show = figures(options.suppress);
  const withFollowUp = cohort.members.filter((member) => member.latestFollowUp !== null);
  const hasTotal = measure.scoring.method !== 'none';
  const notes: string[] = [];
  if (!measure.validated) notes.push(`${measure.title} is not a validated measure: its figures describe, they do not diagnose`);
  const top = hasTotal
    ? changeFigures(
        show,
        pairsOf(cohort.members, (observation) => observation.score),
        { higherIsBetter: measure.scoring.higherIsBetter, reliableChange: measure.scoring.reliableChange?.threshold ?? null, casenessAtOrAbove: measure.scoring.cutoff?.atOrAbove ?? null },
      )
    : { ...emptyFigures, paired: show.count(withFollowUp.length) };
  if (hasTotal && !measure.scoring.reliableChange) notes.push(`${measure.title} has no published reliable-change threshold: reliable change is not reported`);
  if (hasTotal && !measure.scoring.cutoff) notes.push(`${measure.title} has no caseness cut-off: recovery is not reported`);
  if (!hasTotal) notes.push(`${measure.title} has no total: each item is reported on its own, with no reliable-change threshold`);
  return {
    measure: measure.id,
    title: measure.title,
    version: measure.version,
    validated: measure.validated,
    higherIsBetter: measure.scoring.higherIsBetter,
    enrolled: show.count(cohort.enrolled),
    baselines: show.count(cohort.members.length),
    followUps: show.count(withFollowUp.length),
    ...top,
    items: hasTotal ? [] : measure.items.map((item) => itemOutcome(show, measure, item, cohort.members)),
    notes,
  };
}

function itemOutcome(show: Figures, measure: Measure, item: MeasureItem, members: readonly CohortMember[]): ItemOutcome {
  const valueOf = (observation: MeasureObservation) => observation.items[item.id] ?? null;
  const bands = bandsOf(measure, item.id);
  const higherIsBetter = itemHigherIsBetter(measure, item);
  const pairs = pairsOf(members, valueOf);
  return {
    item: item.id,
    higherIsBetter,
    baselines: show.count(members.filter((member) => valueOf(member.baseline) !== null).length),
    followUps: show.count(members.filter((member) => member.latestFollowUp && valueOf(member.latestFollowUp) !== null).length),
    ...changeFigures(show, pairs, { higherIsBetter, reliableChange: null, casenessAtOrAbove: null }),
    bands: bands && {
      baseline: bandShares(show, bands, pairs.map((pair) => pair.baseline)),
      followUp: bandShares(show, bands, pairs.map((pair) => pair.followUp)),
    },
  };
}

function changeFigures(show: Figures, pairs: readonly ScorePair[], rules: Parameters<typeof pairedChange>[1]): ChangeFigures {
  const stats: PairedChange = pairedChange(pairs, rules);
  const n = stats.n;
  const reliable = stats.reliable && show.partition([stats.reliable.improved, stats.reliable['no-reliable-change'], stats.reliable.deteriorated], n);
  // Recovered and reliably recovered are each one part of the cases at baseline; the rest is
  // implied (cases minus recovered), so it is protected as a part too.
  const recovery = stats.caseness && show.partition([stats.caseness.recovered], stats.caseness.casesAtBaseline);
  const reliableRecovery = stats.caseness && stats.caseness.reliablyRecovered !== null ? show.partition([stats.caseness.reliablyRecovered], stats.caseness.casesAtBaseline) : null;
  return {
    paired: show.count(n),
    baselineMean: show.mean(n, stats.baselineMean),
    followUpMean: show.mean(n, stats.followUpMean),
    change: {
      mean: show.mean(n, stats.meanChange),
      ci95: stats.ci95 && show.mean(n, 0) !== null ? [round(stats.ci95[0], 2), round(stats.ci95[1], 2)] : null,
    },
    effectSize: show.mean(n, stats.effectSize),
    reliableChangeThreshold: rules.reliableChange ?? 'no threshold',
    reliableImprovement: reliable && reliable[0]!,
    noReliableChange: reliable && reliable[1]!,
    reliableDeterioration: reliable && reliable[2]!,
    casenessThreshold: rules.casenessAtOrAbove ?? 'no threshold',
    casesAtBaseline: stats.caseness && show.count(stats.caseness.casesAtBaseline),
    recovery: recovery && recovery[0]!,
    reliableRecovery: reliableRecovery && reliableRecovery[0]!,
  };
}

const emptyFigures: ChangeFigures = {
  paired: 0,
  baselineMean: null,
  followUpMean: null,
  change: { mean: null, ci95: null },
  effectSize: null,
  reliableChangeThreshold: 'no threshold',
  reliableImprovement: null,
  noReliableChange: null,
  reliableDeterioration: null,
  casenessThreshold: 'no threshold',
  casesAtBaseline: null,
  recovery: null,
  reliableRecovery: null,
};

function pairsOf(members: readonly CohortMember[], valueOf: (observation: MeasureObservation) => number | null): ScorePair[] {
  return members.flatMap((member) => {
    const baseline = valueOf(member.baseline);
    const followUp = member.latestFollowUp ? valueOf(member.latestFollowUp) : null;
    return baseline === null || followUp === null ? [] : [{ baseline, followUp }];
  });
}

/** An item's bands come from a one-item subscale of it (ONS4's four ONS thresholds). */
function bandsOf(measure: Measure, itemId: string): readonly Band[] | null {
  return itemSubscales(measure, itemId).find((subscale) => subscale.bands)?.bands ?? null;
}

/** The subscales made of this one item alone (ONS4's "Life satisfaction"): its name, bands and direction. */
export function itemSubscales(measure: Measure, itemId: string) {
  return measure.scoring.subscales.filter((subscale) => subscale.items.length === 1 && subscale.items[0] === itemId);
}

function itemHigherIsBetter(measure: Measure, item: MeasureItem): boolean {
  const own = itemSubscales(measure, item.id)[0]?.higherIsBetter;
  return own ?? (item.reverseKeyed ? !measure.scoring.higherIsBetter : measure.scoring.higherIsBetter);
}

function bandShares(show: Figures, bands: readonly Band[], values: readonly number[]): BandShare[] {
  const counts = bands.map((band) => values.filter((value) => findBand(bands, value) === band.label).length);
  const shares = show.partition(counts, values.length);
  return bands.map((band, index) => ({ band: band.label, ...shares[index]! }));
}

interface Figures {
  count(n: number): Count;
  mean(n: number, value: number | null): number | null;
  /** The shares of the parts of a shown total, protected together (see `protectedParts`). */
  partition(counts: readonly number[], total: number): Share[];
}

function figures(suppress: boolean): Figures {
  const tooFew = (n: number) => suppress && n < smallNumber;
  return {
    count: (n) => (suppress && n >= 1 && n < smallNumber ? '<5' : n),
    mean: (n, value) => (value === null || n === 0 || tooFew(n) ? null : round(value, 2)),
    partition: (counts, total) => {
      const withheld = suppress ? protectedParts(counts, total) : new Set<number>();
      return counts.map((count, index) => ({
        count: !withheld.has(index) ? count : count < smallNumber ? '<5' : 'withheld',
        // A share of a withheld count is withheld too: 12.5% of 8 would give the "<5" away as 1.
        percent: total === 0 || tooFew(total) || withheld.has(index) ? null : round((100 * count) / total, 1),
      }));
    },
  };
}

/**
 * Which parts of a shown total to withhold. Every part from 1 to 4 is (primary suppression); so is
 * the implied rest (the total minus the parts) when it is from 1 to 4, although it is never shown.
 * A hidden part alone beside a known total could be worked out by subtraction, and hidden parts
 * that add up to less than 5 give away that they are all small, so while either is true the
 * smallest non-zero part not yet hidden is withheld too (secondary, or complementary,
 * suppression); the implied rest counts as a part and hiding it costs nothing shown. Returns the
 * indices of `counts` to withhold. Pure.
 */
export function protectedParts(counts: readonly number[], total: number): Set<number> {
  const rest = total - counts.reduce((sum, count) => sum + count, 0);
  // The parts with the rest as the last one; a rest of 0 (a complete partition) is no part.
  const parts = rest > 0 ? [...counts, rest] : [...counts];
  const small = (n: number) => n >= 1 && n < smallNumber;
  const hidden = new Set(parts.flatMap((count, index) => (small(count) ? [index] : [])));
  const hiddenSum = () => [...hidden].reduce((sum, index) => sum + parts[index]!, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < smallNumber)) {
    const candidates = parts.flatMap((count, index) => (count > 0 && !hidden.has(index) ? [index] : []));
    if (candidates.length === 0) break;
    hidden.add(candidates.reduce((best, index) => (parts[index]! < parts[best]! ? index : best)));
  }
  return new Set([...hidden].filter((index) => index < counts.length));
}

/** Half away from zero, after toFixed(6) so 0.125 stored as 0.12499... still rounds to 0.13. */
export function round(value: number, places: number): number {
  const factor = 10 ** places;
  const scaled = Number((Math.abs(value) * factor).toFixed(6));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
