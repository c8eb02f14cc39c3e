import { countSmsSegments } from '../messaging/count-sms-segments.js';
import type { SmsSegmentCount } from '../messaging/count-sms-segments.js';
import type { Measure, MeasureItem } from './measure.js';
import { measureUsability } from './measure-usability.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';
import { responseFormat } from './response-format.js';
import type { ResponseFormat } from './response-format.js';

export interface RenderedItem extends SmsSegmentCount {
  readonly text: string;
}

export interface RenderItemOptions {
  readonly language?: string;
  /** Shown as "Q2/9"; defaults to the item's place in the measure. Left out for one-item measures. */
  readonly position?: { readonly number: number; readonly of: number };
}

/**
 * One item as one plain text message, e.g. `Q2/9 Over the last 2 weeks, how often have you been
 * bothered by: feeling down, depressed, or hopeless? Reply 0 Not at all, 1 Several days, ...`.
 * The text is GSM-7 so it is charged at 160 characters a segment. Throws if the measure is not
 * usable in the language: callers check measureUsability when a measure is put into use.
 */
export function renderItem(measure: Measure, itemId: string, options: RenderItemOptions = {}): RenderedItem {
  const usability = measureUsability(measure, options.language);
  if (!usability.usable) throw new Error(usability.reason);
  const { language } = usability;
  const index = measure.items.findIndex((item) => item.id === itemId);
  const item = measure.items[index];
  const format = item && responseFormat(item, language);
  if (!item || !format) throw new Error(`${measure.id} has no item "${itemId}"`);
  const position = options.position ?? { number: index + 1, of: measure.items.length };
  const parts = [
    position.of > 1 ? `Q${position.number}/${position.of}` : '',
    measure.stem?.[language] ?? '',
    withClosingPunctuation(item.text?.[language] ?? ''),
    replyInstruction(format, item),
  ];
  const text = normaliseToGsm7(parts.filter((part) => part !== '').join(' '));
  return { text, ...countSmsSegments(text) };
}

function replyInstruction(format: ResponseFormat, item: MeasureItem): string {
  const skip = item.optional ? ', or SKIP' : '';
  if (format.kind === 'range') {
    return `Reply ${format.from.value} (${format.from.label}) to ${format.to.value} (${format.to.label})${skip}`;
  }
  return `Reply ${format.options.map((option) => `${option.value} ${option.label}`).join(', ')}${skip}`;
}

// "Reply ..." must start a new sentence, or it reads as part of the question.
function withClosingPunctuation(text: string): string {
  return /[.?!:]["')]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
