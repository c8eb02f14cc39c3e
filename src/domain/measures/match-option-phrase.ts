import { editDistance } from './edit-distance.js';
import type { MeasureItem } from './measure.js';

export type PhraseMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact' | 'contained' | 'misspelt'; readonly value: number }
  | { readonly kind: 'several' }
  | { readonly kind: 'negated' };

/**
 * Which option a reply names by its label or a synonym ("several days", "Often", "nearly everyday").
 * In order: the whole reply is a phrase; a phrase appears in it ("i'd say most days"); or it is one
 * small slip away from a phrase. Two options named, or equally close, is "several": we ask again.
 * `language` limits the phrases to one language; all languages are used when it is absent.
 */
export function matchOptionPhrase(text: string, item: MeasureItem, language?: string): PhraseMatch {
  const reply = clean(text);
  if (reply === '') return { kind: 'none' };
  const phrases = optionPhrases(item, language);
  const exact = new Set(phrases.filter((p) => p.phrase === reply).map((p) => p.value));
  if (exact.size > 0) return single(exact, 'exact');
  const contained = findContained(reply, phrases);
  if (contained !== undefined) return contained;
  return findMisspelt(reply, phrases);
}

interface OptionPhrase {
  readonly phrase: string;
  readonly value: number;
}

function optionPhrases(item: MeasureItem, language: string | undefined): OptionPhrase[] {
  const pick = <T>(map: Readonly<Record<string, T>> | undefined): T[] =>
    language === undefined ? Object.values(map ?? {}) : map?.[language] === undefined ? [] : [map[language]];
  return item.options
    .flatMap((option) => [...pick(option.label), ...pick(option.synonyms).flat()].map((p) => ({ phrase: clean(p), value: option.value })))
    .filter((p) => p.phrase !== '')
    .sort((a, b) => b.phrase.length - a.phrase.length);
}

const negations = new Set(['not', 'never', 'isnt', 'wasnt', 'arent', 'dont', 'didnt', 'havent', 'hardly']);

function findContained(reply: string, phrases: readonly OptionPhrase[]): PhraseMatch | undefined {
  let rest = ` ${reply} `;
  const values = new Set<number>();
  let negated = false;
  // Longest first, and blanked once found, so "not at all" is not also read as "all".
  for (const { phrase, value } of phrases) {
    const at = rest.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const before = rest.slice(0, at).trim().split(' ').pop() ?? '';
    if (negations.has(before) && !negations.has(phrase.split(' ')[0] ?? '')) negated = true;
    else values.add(value);
    rest = `${rest.slice(0, at)} | ${rest.slice(at + phrase.length + 2)}`;
  }
  if (values.size > 0) return single(values, 'contained');
  return negated ? { kind: 'negated' } : undefined;
}

// Slips are looked for only in short replies: in a long message a near-miss is more likely chance.
const maxWordsForSlips = 6;

function findMisspelt(reply: string, phrases: readonly OptionPhrase[]): PhraseMatch {
  const words = reply.split(' ');
  if (words.length > maxWordsForSlips) return { kind: 'none' };
  let best = Number.POSITIVE_INFINITY;
  let values = new Set<number>();
  for (const { phrase, value } of phrases) {
    const allowed = phrase.length <= 3 ? 0 : phrase.length < 8 ? 1 : 2;
    const size = phrase.split(' ').length;
    // One word more or fewer than the phrase catches "everyday" for "every day" and "some times".
    for (const window of windows(words, [size - 1, size, size + 1])) {
      // A slip rarely hits the first letter, and "ever"/"never" or "no"/"so" differ there in meaning.
      if (window[0] !== phrase[0]) continue;
      const distance = editDistance(window, phrase);
      if (distance > allowed || distance > best) continue;
      if (distance < best) values = new Set();
      best = distance;
      values.add(value);
    }
  }
  return values.size === 0 ? { kind: 'none' } : single(values, 'misspelt');
}

function windows(words: readonly string[], sizes: readonly number[]): string[] {
  return sizes
    .filter((size) => size >= 1 && size <= words.length)
    .flatMap((size) => Array.from({ length: words.length - size + 1 }, (_, start) => words.slice(start, start + size).join(' ')));
}

function single(values: ReadonlySet<number>, kind: 'exact' | 'contained' | 'misspelt'): PhraseMatch {
  const [value] = values;
  return values.size === 1 && value !== undefined ? { kind, value } : { kind: 'several' };
}

function clean(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
