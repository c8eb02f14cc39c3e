import type { AnswerOption } from './measure.js';

/** Lowest and highest option value: reverse keying and range checks both turn on these. */
export function optionRange(options: readonly Pick<AnswerOption, 'value'>[]): { min: number; max: number } {
  const values = options.map((option) => option.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}
