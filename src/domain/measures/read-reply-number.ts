export type NumberReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly value: number }
  | { readonly kind: 'several' }
  | { readonly kind: 'fraction' };

/**
 * The number in a normalised reply, written as digits or as a word: "3", "3!!", "3 thanks", "three",
 * "7 out of 10", "-1". Two different numbers ("3 or 4", "2-3") are "several": we ask again rather
 * than guess. `scaleMax` lets "7/10" read as 7 rather than as two numbers.
 */
export function readReplyNumber(text: string, scaleMax: number): NumberReading {
  const worded = text.replace(/\p{L}+/gu, (word) => {
    const value = numberWords.get(word);
    return value === undefined ? word : ` ${value} `;
  });
  let withoutScale = worded.replace(new RegExp(`\\s*\\b(?:out of|outta|of)\\s*${scaleMax}(?!\\d)`, 'g'), ' ');
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

const numberWords = new Map<string, number>(
  [
    ['zero', 0], ['nought', 0], ['naught', 0], ['nil', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
    ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
    ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ],
);
