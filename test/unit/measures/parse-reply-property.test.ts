import fc from 'fast-check';
import { parseReply } from '../../../src/domain/measures/parse-reply.js';
import { shippedItem } from './shipped-measure.js';

const items = [shippedItem('phq9', 'q1'), shippedItem('ons4', 'anxiety'), shippedItem('core10', 'q2'), shippedItem('coping-and-support', 'feeling')];

describe('reading any string at all', () => {
  it.each([
    ['any Unicode, lone surrogates included', fc.string({ unit: 'binary', maxLength: 200 })],
    ['any grapheme, emoji included', fc.string({ unit: 'grapheme', maxLength: 60 })],
    ['digits, words and punctuation', fc.stringMatching(/^[0-9a-z .,!?\-/]{0,40}$/)],
  ])('when a reply is %s, then parsing never throws and any answer is one of the options', (_name, replies) => {
    fc.assert(
      fc.property(replies, fc.constantFrom(...items), (reply, item) => {
        const result = parseReply(reply, item);
        expect(['answer', 'invalid', 'command']).toContain(result.kind);
        if (result.kind === 'answer') expect(item.options.map((option) => option.value)).toContain(result.value);
        if (result.kind === 'invalid') expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('when a reply is very long, then it is still read without throwing', () => {
    expect(parseReply(`3 ${'x'.repeat(100_000)}`, items[0] ?? shippedItem('phq9', 'q1')).kind).toBe('answer');
  });
});
