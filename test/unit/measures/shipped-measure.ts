import { loadMeasures } from '../../../src/domain/measures/load-measures.js';
import type { Measure, MeasureItem } from '../../../src/domain/measures/measure.js';

const catalogue = loadMeasures();

/** A measure exactly as shipped (no organisation directory), for tests against published rules. */
export function shippedMeasure(id: string): Measure {
  const measure = catalogue.get(id);
  if (!measure) throw new Error(`no shipped measure "${id}"`);
  return measure;
}

export function shippedItem(measureId: string, itemId: string): MeasureItem {
  const item = shippedMeasure(measureId).items.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`no item "${itemId}" in ${measureId}`);
  return item;
}

export function shippedMeasures(): Measure[] {
  return [...catalogue.values()];
}
