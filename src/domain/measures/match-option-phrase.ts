import { editDistance } from './edit-distance.js';
import type { MeasureItem } from './measure.js';
import { numberWords } from './number-words.js';

export type PhraseMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'exact' | 'misspelt'; readonly value: number }
  | { readonly kind: 'contained'; readonly value: number; readonly rest: string }
  | { readonly kind: 'several' }
  | { readonly kind: 'negated' };

/**
 * Which option a reply names by its label or a synonym ("several days", "Often", "nearly everyday").
 * In order: the whole reply is a phrase; a phrase appears in it ("i'd say most days"); or it is one
 * small slip away from a phrase. Two options named, or equally close, is "several": we ask again.
 * A contained phrase comes with the `rest` of the reply without it, so a number inside the phrase
 * ("a day or two") is not mistaken for a second answer.
 * `language` limits the phrases to one language; all languages are used when it is absent.
 */
export function matchOptionPhrase(text: string, item: MeasureItem, language?: string): PhraseMatch {
  const reply = clean(text);
  if (reply === '') return { kind: 'none' };
  const phrases = optionPhrases(item, language);
  const exact = new Set(phrases.filter((p) => p.phrase === reply).map((p) => p.value));
  if (exact.size > 0) return single(exact, 'exact');
  const contained = findContained(reply, phrases);
  if (contained === undefined) return findMisspelt(reply, phrases);
  if (contained.kind !== 'contained') return contained;
  return { ...contained, rest: contained.found.reduce(withoutPhrase, text) };
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
// Words that may stand between a negation and what it negates: "not very often", "not all that good".
const intensifiers = new Set(['very', 'that', 'so', 'too', 'really', 'all', 'quite', 'even']);

type Contained = { readonly kind: 'contained'; readonly value: number; readonly found: readonly string[] } | { readonly kind: 'several' | 'negated' };

function findContained(reply: string, phrases: readonly OptionPhrase[]): Contained | undefined {
  let rest = ` ${reply} `;
  const values = new Set<number>();
  const found: string[] = [];
  let negated = false;
  // Longest first, and blanked once found, so "not at all" is not also read as "all".
  for (const { phrase, value } of phrases) {
    const at = rest.indexOf(` ${phrase} `);
    if (at < 0) continue;
    if (isNegated(rest.slice(0, at), phrase)) negated = true;
    else values.add(value);
    found.push(phrase);
    rest = `${rest.slice(0, at)} | ${rest.slice(at + phrase.length + 2)}`;
  }
  if (values.size > 0) {
    const [value] = values;
    return values.size === 1 && value !== undefined ? { kind: 'contained', value, found } : { kind: 'several' };
  }
  return negated ? { kind: 'negated' } : undefined;
}

function isNegated(before: string, phrase: string): boolean {
  if (negations.has(phrase.split(' ')[0] ?? '')) return false;
  const words = before.trim().split(' ');
  while (words.length > 0 && intensifiers.has(words[words.length - 1] ?? '')) words.pop();
  return negations.has(words[words.length - 1] ?? '');
}

/**
 * The normalised reply without a phrase found in its cleaned form, which has only letters, digits
 * and single spaces: in the reply its words may be apart by punctuation and hold apostrophes.
 */
function withoutPhrase(text: string, phrase: string): string {
  const word = (w: string) => [...w].join("'?");
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${phrase.split(' ').map(word).join('[^\\p{L}\\p{N}]+')}(?=$|[^\\p{L}\\p{N}])`, 'u');
  return text.replace(pattern, '$1 ');
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
      // A number is never a slip: "nine" is 9, not a misspelt "none", and "five" is not "fine".
      if (window.split(' ').some((w) => numberWords.has(w) || /\d/.test(w))) continue;
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

function single(values: ReadonlySet<number>, kind: 'exact' | 'misspelt'): PhraseMatch {
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
