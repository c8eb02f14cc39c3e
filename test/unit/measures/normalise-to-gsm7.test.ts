import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../../../src/domain/messaging/normalise-to-gsm7.js';

describe('normalising text to the GSM-7 alphabet', () => {
  it.each([
    ['curly single quotes', '\u2018it\u2019s\u2019', "'it's'"],
    ['curly double quotes', '\u201Cnot at all\u201D', '"not at all"'],
    ['low quotes and guillemets', '\u201Ehi\u201C \u00ABok\u00BB', '"hi" "ok"'],
    ['en and em dashes', 'a \u2013 b \u2014 c', 'a - b - c'],
    ['non-breaking hyphen and minus', 'self\u2011care \u22122', 'self-care -2'],
    ['an ellipsis', 'wait\u2026', 'wait...'],
    ['non-breaking and thin spaces', 'a\u00A0b\u2009c\u202Fd', 'a b c d'],
    ['zero-width characters', 'a\u200Bb\uFEFFc', 'abc'],
    ['a bullet', '\u2022 item', '- item'],
    ['accents outside the alphabet', 'caf\u00E9 na\u00EFve \u00E2', 'caf\u00E9 naive a'],
    ['emoji', 'thanks \u{1F642}', 'thanks '],
    ['a character with no GSM-7 form', '\u4E2D', '?'],
    ['Windows line endings', 'a\r\nb', 'a\nb'],
  ])('when text has %s, then it is rewritten into GSM-7', (_case, input, expected) => {
    const output = normaliseToGsm7(input);
    expect(output).toBe(expected);
    expect(countSmsSegments(output).encoding).toBe('GSM-7');
  });

  it('when text is already GSM-7, including extension characters, then it is unchanged', () => {
    const text = 'Reply 0-3 [or HELP] {ok} ~ ^ | \\ \u20AC \u00A3 @ \u00E9 \u00C4';
    expect(normaliseToGsm7(text)).toBe(text);
  });
});
