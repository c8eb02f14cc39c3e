import type { MeasureCatalogue } from './load-measures.js';
import type { Measure, MeasureItem } from './measure.js';

/** Where an item of the bank comes from: the measure and item first written, its licence, whether it is validated. */
export interface ItemProvenance {
  readonly measure: string;
  readonly item: string;
  readonly licence: string;
  readonly validated: boolean;
}

/**
 * An item's provenance, following `sameAs` to the original item (PHQ-4's q1 comes from GAD-7's
 * q1). An item of the measure's own is its measure's. A shared item is checked to be identical when
 * loaded, so the original's licence and validation are the item's.
 */
export function itemProvenance(catalogue: MeasureCatalogue, measure: Measure, item: MeasureItem): ItemProvenance {
  let current = { measure, item };
  const seen = new Set<string>();
  while (current.item.sameAs && !seen.has(`${current.measure.id}:${current.item.id}`)) {
    seen.add(`${current.measure.id}:${current.item.id}`);
    const source = catalogue.get(current.item.sameAs.measure);
    const original = source?.items.find((candidate) => candidate.id === current.item.sameAs?.item);
    if (!source || !original) break;
    current = { measure: source, item: original };
  }
  return { measure: current.measure.id, item: current.item.id, licence: current.measure.licence.name, validated: current.measure.validated };
}
