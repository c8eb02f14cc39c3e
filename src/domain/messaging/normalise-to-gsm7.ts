import { isGsm7Character } from './gsm7-alphabet.js';

/**
 * Rewrite text into the GSM-7 alphabet so a message is never sent as UCS-2, which would cut a
 * segment from 160 to 70 characters and more than double the cost. Typographic punctuation pasted
 * from word processors is the usual culprit; anything with no sensible GSM-7 form becomes "?".
 */
export function normaliseToGsm7(text: string): string {
  let out = '';
  for (const character of text.replace(/\r\n/g, '\n')) {
    out += toGsm7(character);
  }
  return out;
}

const replacements: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'", '\u02BC': "'",
  '\u2039': "'", '\u203A': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\u2043': '-',
  '\u2022': '-', '\u00B7': '.', '\u2026': '...', '\u00D7': 'x', '\u00F7': '/', '\u00A9': '(c)', '\u00AE': '(R)',
  '\t': ' ', '\u00A0': ' ', '\u202F': ' ', '\u205F': ' ', '\u3000': ' ', '\u1680': ' ',
};

// Invisible characters that would otherwise force UCS-2 without showing anything.
const invisible = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\uFE0E', '\uFE0F', '\u00AD']);
const emoji = /^\p{Extended_Pictographic}$/u;

function toGsm7(character: string): string {
  if (isGsm7Character(character)) return character;
  const replacement = replacements[character];
  if (replacement !== undefined) return replacement;
  if (/^[\u2000-\u200A]$/u.test(character)) return ' ';
  if (invisible.has(character) || emoji.test(character)) return '';
  // Accented letters outside the alphabet lose their accent (â -> a), as phones do themselves.
  const decomposed = character.normalize('NFKD').replace(/\p{M}/gu, '');
  if (decomposed.length > 0 && [...decomposed].every(isGsm7Character)) return decomposed;
  return '?';
}
