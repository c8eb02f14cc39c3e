import { parseReply } from '../../../src/domain/measures/parse-reply.js';
import { shippedItem } from './shipped-measure.js';

const oneAnswer = /^Please choose just one answer: reply with a number from 0 to 3\.$/;
const unsure = /^That's OK: please choose the answer that fits best\. Reply with a number from 0 to 3\.$/;
const notUnderstood = /^Sorry, I didn't understand that\. Please reply with a number from 0 to 3\.$/;

// Against PHQ-9 item 1: values 0 to 3.
const refusals: [string, RegExp][] = [
  ['3 or 4', oneAnswer], ['2-3', oneAnswer], ['2 - 3', oneAnswer], ['1,2', oneAnswer], ['1 2', oneAnswer],
  ['2 or 3', oneAnswer], ['between 1 and 2', oneAnswer], ['1 and 2', oneAnswer], ['either 0 or 1', oneAnswer],
  ['2/3', oneAnswer], ['several days or most days', oneAnswer], ['1 nearly every day', oneAnswer], ['never or always', oneAnswer],
  ['0.5', /whole number/], ['2.5', /whole number/], ['1.5', /whole number/],
  ['4', /^4 isn't one of the answers\. Please reply with a number from 0 to 3\.$/], ['5', /^5 isn't one of the answers/],
  ['10', /^10 isn't one of the answers/], ['99', /^99 isn't one of the answers/], ['-1', /^-1 isn't one of the answers/],
  ['100000000000000000000', /^That isn't one of the answers/], ['eleven', /^11 isn't one of the answers/],
  ['banana', notUnderstood], ['asdfgh', notUnderstood], ['\u{1F642}', notUnderstood], ['\u{1F44D}', notUnderstood],
  ['.', notUnderstood], ['yes', notUnderstood], ['maybe', notUnderstood], ["I don't know", unsure],
  ['no idea', unsure], ['No clue tbh', unsure], ['not sure, 2 maybe', unsure], ['idk', unsure], ['dunno really', unsure],
  ['what do you mean', notUnderstood], ['ok', notUnderstood], ['', /^Please reply with a number from 0 to 3\.$/],
  ['   ', /^Please reply with a number from 0 to 3\.$/], ['not often', /couldn't tell which answer you meant/],
];

describe('refusing replies we cannot read with certainty', () => {
  it.each(refusals)('when a reply is %j, then it is refused with a reason to re-ask', (reply, reason) => {
    const result = parseReply(reply, shippedItem('phq9', 'q1'));
    expect(result).toEqual({ kind: 'invalid', reason: expect.stringMatching(reason) });
  });

  it.each([
    ['ons4', 'anxiety', '6 or 7', /one answer/], ['ons4', 'anxiety', '6-7', /one answer/], ['ons4', 'anxiety', '11', /^11 isn't/],
    ['ons4', 'anxiety', '-2', /^-2 isn't/], ['ons4', 'anxiety', '7.5', /whole number/], ['core10', 'q1', '5', /^5 isn't/],
    ['ons-loneliness', 'lonely', '6', /a number from 1 to 5/], ['ons-loneliness', 'lonely', '0', /^0 isn't/],
    ['coping-and-support', 'feeling', 'not ok', /couldn't tell/], ['coping-and-support', 'coping', '0', /^0 isn't/],
  ])('when a reply to %s %s is %j, then it is refused', (measureId, itemId, reply, reason) => {
    expect(parseReply(reply, shippedItem(measureId, itemId))).toEqual({ kind: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('when the reply is not a string at run time, then it is refused rather than thrown', () => {
    expect(parseReply(undefined as unknown as string, shippedItem('phq9', 'q1')).kind).toBe('invalid');
  });
});
