/** Longer replies are not answers; capping keeps matching cheap whatever is sent. */
const maxReplyLength = 1000;

/**
 * Reduce a reply to lower-case text with ASCII digits and plain punctuation, whatever keyboard or
 * phone produced it: full-width and circled digits, keycap emoji (3️⃣, 🔟), digits of other scripts
 * (٣), curly apostrophes, runs of spaces.
 */
export function normaliseReply(reply: string): string {
  return asciiDigits(
    reply
      .slice(0, maxReplyLength)
      .replace(/\u{1F51F}/gu, ' 10 ')
      .normalize('NFKC')
      .replace(/[\uFE0E\uFE0F\u20E3\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''),
  )
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

// Unicode assigns decimal digits only in runs of ten, 0 to 9, so a digit's value is its distance
// from the start of its run of digits, modulo 10 (some scripts have runs back to back).
function asciiDigits(text: string): string {
  return text.replace(/[\u0080-\u{10FFFF}]/gu, (character) => {
    if (!/\p{Nd}/u.test(character)) return character;
    let start = character.codePointAt(0) ?? 0;
    while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String(((character.codePointAt(0) ?? 0) - start) % 10);
  });
}
