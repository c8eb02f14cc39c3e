import type { MeasureItem } from './measure.js';

export interface LabelledValue {
  readonly value: number;
  readonly label: string;
}

export type ResponseFormat =
  | { readonly kind: 'list'; readonly options: readonly LabelledValue[] }
  | { readonly kind: 'range'; readonly from: LabelledValue; readonly to: LabelledValue };

/**
 * How an item's answers are offered in a text: a short list of numbered labels, or, for long
 * numeric scales such as 0-10, the two labelled ends. Undefined when the wording in this language
 * is not complete enough for either (a skeleton without its licensed labels).
 */
export function responseFormat(item: MeasureItem, language: string): ResponseFormat | undefined {
  const labelled = item.options.map((option) => ({ value: option.value, label: option.label?.[language] }));
  const all = labelled.every((option): option is LabelledValue => option.label !== undefined);
  const first = labelled[0];
  const last = labelled[labelled.length - 1];
  const rangeable =
    labelled.length >= 5 &&
    labelled.every((option, i) => i === 0 || option.value === (labelled[i - 1]?.value ?? Number.NaN) + 1) &&
    first?.label !== undefined &&
    last?.label !== undefined;
  if (all && (labelled.length <= 7 || !rangeable)) return { kind: 'list', options: labelled };
  if (rangeable && first?.label !== undefined && last?.label !== undefined) {
    return { kind: 'range', from: { value: first.value, label: first.label }, to: { value: last.value, label: last.label } };
  }
  return undefined;
}
