import type { Measure } from './measure.js';

export type ReliableChangeClassification = 'improved' | 'no-reliable-change' | 'deteriorated';

export interface ReliableChange {
  readonly classification: ReliableChangeClassification;
  /** after - before, in the measure's score (converted where there is a conversion table). */
  readonly change: number;
  readonly threshold: number;
}

/**
 * Whether a person's score moved by more than the measure's own noise between two occasions. A
 * change of at least the threshold counts, in the direction the measure calls better. Null for
 * measures without a published reliable-change threshold.
 */
export function reliableChange(measure: Measure, before: number, after: number): ReliableChange | null {
  const rule = measure.scoring.reliableChange;
  if (!rule) return null;
  // Rounded so 17.43 - 14.43 is 3, not 2.9999999999999982.
  const change = Math.round((after - before) * 100) / 100;
  const better = measure.scoring.higherIsBetter ? change : -change;
  const classification = better >= rule.threshold ? 'improved' : better <= -rule.threshold ? 'deteriorated' : 'no-reliable-change';
  return { classification, change, threshold: rule.threshold };
}
