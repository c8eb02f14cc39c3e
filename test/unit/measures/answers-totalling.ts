import type { Measure } from '../../../src/domain/measures/measure.js';

/**
 * Answers (as given, before reverse keying) whose keyed sum over `itemIds` is `total`, filling items
 * from the first: enough to reach any total a band boundary needs.
 */
export function answersTotalling(measure: Measure, total: number, itemIds = measure.items.map((item) => item.id)): Record<string, number> {
  const ranges = itemIds.map((id) => {
    const item = measure.items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`no item ${id}`);
    const values = item.options.map((option) => option.value);
    return { item, min: Math.min(...values), max: Math.max(...values) };
  });
  let extra = total - ranges.reduce((sum, range) => sum + range.min, 0);
  const answers: Record<string, number> = {};
  for (const { item, min, max } of ranges) {
    const keyed = min + Math.min(max - min, Math.max(0, extra));
    extra -= keyed - min;
    answers[item.id] = item.reverseKeyed ? min + max - keyed : keyed;
  }
  if (extra !== 0) throw new Error(`cannot reach ${total} on ${measure.id}`);
  return answers;
}
