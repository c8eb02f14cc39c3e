import { countSmsSegments } from '../messaging/count-sms-segments.js';

/**
 * `text` with a last line naming the programmes' short names, the words a worker types after
 * ENROL ("Programmes: wellbeing-check, anxiety-group"). The list is cut ("and 3 more") so the
 * whole stays within `maxSegments`; with nothing to list, or no room for even one name, the text
 * is returned as it was: the list is a help, never a reason to send a third segment.
 */
export function withProgrammeList(text: string, slugs: readonly string[], maxSegments = 2): string {
  for (let shown = slugs.length; shown > 0; shown--) {
    const more = slugs.length - shown;
    const line = `Programmes: ${slugs.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    const candidate = text === '' ? line : `${text}\n${line}`;
    if (countSmsSegments(candidate).segments <= maxSegments) return candidate;
  }
  return text;
}
