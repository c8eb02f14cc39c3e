import { numberWords } from './number-words.js';

export type NumberReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly value: number }
  | { readonly kind: 'several' }
  | { readonly kind: 'fraction' };

/**
 * The number in a normalised reply, written as digits or as a word: "3", "3!!", "3 thanks", "three",
 * "7 out of 10", "eight/10", "-1", "minus one". Two different numbers ("3 or 4", "2-3") are
 * "several", and "3 and a half" is a fraction: we ask again rather than guess. `scaleMax` lets
 * "7/10" read as 7 rather than as two numbers.
 */
export function readReplyNumber(text: string, scaleMax: number): NumberReading {
  const worded = text
    .replace(/\p{L}+/gu, (word) => {
      const value = numberWords.get(word);
      return value === undefined ? word : ` ${value} `;
    })
    // "minus one" is -1, which is refused as not an answer; dropping the word would read it as 1.
    .replace(/(^|\s)(?:minus|negative)\s*(?=\d)/g, '$1-');
  if (/\d\s*(?:and )?(?:a )?half\b/.test(worded)) return { kind: 'fraction' };
  let withoutScale = worded.replace(new RegExp(`\\s*\\b(?:out of|outta|of|over)\\s*${scaleMax}(?!\\d)`, 'g'), ' ');
  // On a 0-3 scale "2/3" is more likely "2 or 3" than a fraction, so only long scales read it so.
  if (scaleMax >= 5) withoutScale = withoutScale.replace(new RegExp(`\\s*/\\s*${scaleMax}(?!\\d)`, 'g'), ' ');
  const values: number[] = [];
  let fraction = false;
  for (const match of withoutScale.matchAll(/(\d+)(\.\d+)?/g)) {
    const [, whole = '', decimals = ''] = match;
    if (/[1-9]/.test(decimals)) fraction = true;
    values.push(isNegative(withoutScale, match.index, values.length) ? -Number(whole) : Number(whole));
  }
  const distinct = new Set(values);
  if (fraction) return { kind: 'fraction' };
  if (distinct.size > 1) return { kind: 'several' };
  const [value] = distinct;
  return value === undefined ? { kind: 'none' } : { kind: 'one', value };
}

// "-1" is a negative number; the "-" in "2-3" or "2 - 3" joins two numbers.
function isNegative(text: string, index: number, numbersBefore: number): boolean {
  return numbersBefore === 0 && text[index - 1] === '-' && (index === 1 || /\s/.test(text[index - 2] ?? ''));
}
