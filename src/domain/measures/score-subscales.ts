import { findBand } from './find-band.js';
import type { Measure } from './measure.js';

export interface SubscaleResult {
  readonly id: string;
  readonly label: string;
  /** Null unless every item of the subscale is answered: short scales are not prorated. */
  readonly score: number | null;
  readonly band: string | null;
  /** Whether the score reaches the subscale's screening threshold (PHQ-2, GAD-2: 3 or more). */
  readonly positive: boolean | null;
}

/** Subscale scores from reverse-keyed answers; ONS4 uses one-item subscales for its four bands. */
export function scoreSubscales(measure: Measure, keyed: ReadonlyMap<string, number>): SubscaleResult[] {
  return measure.scoring.subscales.map((subscale) => {
    const values = subscale.items.map((id) => keyed.get(id));
    const complete = values.every((value) => value !== undefined);
    const score = complete ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null;
    return {
      id: subscale.id,
      label: subscale.label,
      score,
      band: score === null ? null : findBand(subscale.bands, score),
      positive: score === null || subscale.positiveAt === undefined ? null : score >= subscale.positiveAt,
    };
  });
}
