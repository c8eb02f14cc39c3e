import type { Band } from './measure-schema.js';

/**
 * The band a score falls in. Bands are read by their lower bounds, so a prorated or converted
 * score between one band's max and the next band's min (10.5 between 0-10 and 11-14) belongs to
 * the lower band, as "11 or more" cut-offs intend. Null outside the bands' whole range.
 */
export function findBand(bands: readonly Band[] | undefined, score: number): string | null {
  if (!bands) return null;
  let found: Band | undefined;
  for (const band of bands) {
    if (band.min <= score) found = band;
  }
  const last = bands[bands.length - 1];
  if (!found || (found === last && score > found.max)) return null;
  return found.label;
}
