import type { MeasureCatalogue } from './load-measures.js';

/**
 * The wording of an answered question, in English: `key` is an item id of `measureId`, or with
 * several measures "<measure>:<item>". The key itself when the wording is not held (a licensed
 * measure without its text, a measure no longer loaded).
 */
export function itemText(measures: MeasureCatalogue, measureId: string, key: string): string {
  const [measure, itemId] = key.includes(':') ? (key.split(':') as [string, string]) : [measureId, key];
  const item = measures.get(measure)?.items.find((i) => i.id === itemId) as { text?: Record<string, string> } | undefined;
  return item?.text?.en ?? key;
}
