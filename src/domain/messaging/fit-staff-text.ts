import { countSmsSegments } from './count-sms-segments.js';

/**
 * A staff text of a header, one line per item and an optional footer, within `maxSegments`:
 * items are dropped from the end, and a line saying how many were left out (`more(n)`) takes their
 * place. At least the header and the first item are kept, whatever their length.
 */
export function fitStaffText(parts: { header: string; lines: readonly string[]; footer?: string; more: (left: number) => string }, maxSegments = 2): string {
  const compose = (shown: number) => {
    const left = parts.lines.length - shown;
    return [parts.header, ...parts.lines.slice(0, shown), ...(left > 0 ? [parts.more(left)] : []), ...(parts.footer ? [parts.footer] : [])].join('\n');
  };
  for (let shown = parts.lines.length; shown > 1; shown--) {
    const text = compose(shown);
    if (countSmsSegments(text).segments <= maxSegments) return text;
  }
  return compose(Math.min(1, parts.lines.length));
}
