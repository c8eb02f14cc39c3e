import type { MeasureItem } from './measure.js';

/** "a number from 0 to 3", or "1, 2, 4 or 5" when the values have gaps: the tail of a re-prompt. */
export function describeExpectedAnswer(item: MeasureItem): string {
  const values = item.options.map((option) => option.value).sort((a, b) => a - b);
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined) return 'one of the numbers offered';
  if (last - first === values.length - 1) return `a number from ${first} to ${last}`;
  return `${values.slice(0, -1).join(', ')} or ${last}`;
}
