import type { MeasureItem } from './measure.js';
import { optionRange } from './option-range.js';

/** Reverse-keyed items are turned round on their own range (0-4: 0 scores 4), so all point one way. */
export function keyedValue(item: MeasureItem, value: number): number {
  if (!item.reverseKeyed) return value;
  const { min, max } = optionRange(item.options);
  return min + max - value;
}
