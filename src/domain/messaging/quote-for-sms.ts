/**
 * Someone's own words, to be quoted back in a text: on one line, without control or format
 * characters (an escape sequence, a bidirectional override, a byte-order mark) or a surrogate left
 * alone, and at most `max` characters, cut between characters (never inside a surrogate pair,
 * which would leave half an emoji that no phone can show) with "..." when cut.
 */
export function quoteForSms(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '').trim();
  const characters = [...flat];
  return characters.length > max ? `${characters.slice(0, max - 3).join('').trimEnd()}...` : flat;
}
