import type { Measure } from './measure.js';
import { responseFormat } from './response-format.js';

export type MeasureUsability = { readonly usable: true; readonly language: string } | { readonly usable: false; readonly reason: string };

/**
 * Whether a measure can be put into use (in a programme, in a conversation) in a language, and if
 * not, a reason an admin can act on. Skeletons of licensed measures stay unusable until the
 * organisation supplies its licensed wording.
 */
export function measureUsability(measure: Measure, language?: string): MeasureUsability {
  if (measure.languages.length === 0) {
    return {
      usable: false,
      reason:
        `${measure.title} has no wording: its licence does not let promptly ship the text. ` +
        `Add your licensed wording as ${measure.id}.wording.json in the organisation's measures directory (MEASURES_DIR).`,
    };
  }
  const chosen = language ?? measure.languages[0] ?? '';
  if (!measure.languages.includes(chosen)) {
    return { usable: false, reason: `${measure.title} has no wording in "${chosen}" (it has: ${measure.languages.join(', ')}).` };
  }
  for (const item of measure.items) {
    if (!item.text?.[chosen]) {
      return { usable: false, reason: `${measure.title} item "${item.id}" has no text in "${chosen}".` };
    }
    if (!responseFormat(item, chosen)) {
      return { usable: false, reason: `${measure.title} item "${item.id}" needs labels for its answer options in "${chosen}".` };
    }
  }
  return { usable: true, language: chosen };
}
