import { gsm7Alphabet, isGsm7Character } from './gsm7-alphabet.js';

export interface SmsSegmentCount {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
}

/**
 * How many SMS segments a message costs. A single message holds 160 septets or 70 UCS-2 units;
 * once split, each part loses room to its concatenation header (153 or 67) and a two-unit
 * character (GSM-7 escape pair, UTF-16 surrogate pair) is never split across parts.
 */
export function countSmsSegments(text: string): SmsSegmentCount {
  const characters = [...text];
  const gsm = characters.every(isGsm7Character);
  const sizes = characters.map((character) => (gsm ? (gsm7Alphabet.extension.has(character) ? 2 : 1) : character.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: units === 0 ? 0 : units <= single ? 1 : packParts(sizes, part) };
}

function packParts(sizes: readonly number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > capacity) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}
