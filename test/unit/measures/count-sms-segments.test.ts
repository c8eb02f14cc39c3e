import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';

describe('counting SMS segments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['\u20AC'.repeat(80), 'GSM-7', 160, 1],
    ['\u20AC'.repeat(81), 'GSM-7', 162, 2],
    ['[]{}|^~\\', 'GSM-7', 16, 1],
    ['a'.repeat(70).replace(/^a/, '\u4E2D'), 'UCS-2', 70, 1],
    ['\u4E2D'.repeat(71), 'UCS-2', 71, 2],
    ['\u4E2D'.repeat(134), 'UCS-2', 134, 2],
    ['\u4E2D'.repeat(135), 'UCS-2', 135, 3],
    ['\u{1F642}'.repeat(35), 'UCS-2', 70, 1],
  ])('when a message is %j, then it is %s with %d units in %d segments', (text, encoding, units, segments) => {
    expect(countSmsSegments(text)).toEqual({ encoding, units, segments });
  });

  it('when one curly quote is in a long message, then the whole message falls into 70-character UCS-2 segments', () => {
    expect(countSmsSegments(`${'a'.repeat(150)}\u2019`)).toEqual({ encoding: 'UCS-2', units: 151, segments: 3 });
  });

  it('when an extension character would straddle two parts, then it moves to the next part', () => {
    // 152 plain + one two-septet character: 154 septets do not fit a 153-septet part.
    expect(countSmsSegments(`${'a'.repeat(152)}\u20AC${'a'.repeat(152)}`).segments).toBe(3);
    expect(countSmsSegments(`${'a'.repeat(151)}\u20AC${'a'.repeat(153)}`).segments).toBe(2);
  });

  it('when an emoji would straddle two UCS-2 parts, then it moves to the next part', () => {
    // 66 + 2 + 66 = 134 units: two parts by arithmetic, three because the pair cannot be split.
    expect(countSmsSegments(`${'\u4E2D'.repeat(66)}\u{1F642}${'\u4E2D'.repeat(66)}`).segments).toBe(3);
  });
});
