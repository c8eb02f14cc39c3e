import { parseReply } from '../../../src/domain/measures/parse-reply.js';
import { shippedItem } from './shipped-measure.js';

// Replies people really send, read against PHQ-9 item 1 (0 Not at all ... 3 Nearly every day).
const phq9Answers: [string, number][] = [
  ['3', 3], [' 3. ', 3], ['3!!', 3], ['3 thanks', 3], ['3️⃣', 3], ['three', 3], ['Three', 3], ['THREE', 3],
  ['0', 0], ['zero', 0], ['nought', 0], ['1', 1], ['one', 1], ['two', 2], ['2.', 2], ['(2)', 2], ['"2"', 2],
  ['2 please', 2], ['I think 2', 2], ["I'd say 2", 2], ['I\u2019d say 1', 1], ['Answer: 1', 1], ['it\u2019s a 2', 2],
  ['2\n', 2], ['\t1\t', 1], ['03', 3], ['3.0', 3], ['\uFF13', 3], ['\u0663', 3], ['\u0969', 3], ['\u2460', 1],
  ['2 \u{1F642}', 2], ['\u{1F44D} 1', 1], ['1 sorry', 1], ['option 2', 2], ['number 3', 3], ['2 out of 3', 2],
  ['1\uFE0F\u20E3', 1], ['0\uFE0F\u20E3', 0], ['3\u00A0', 3], ['3 3', 3],
  ['not at all', 0], ['Not at all', 0], ['NOT AT ALL', 0], ['Not at all.', 0], ['several days', 1], ['Several Days', 1],
  ['more than half the days', 2], ['More than half the days!', 2], ['nearly every day', 3], ['Nearly everyday', 3],
  ['every day', 3], ['everyday', 3], ['always', 3], ['all the time', 3], ['daily', 3], ['most days', 2], ['often', 2],
  ['a lot', 2], ['some days', 1], ['a few days', 1], ['sometimes', 1], ['never', 0], ['none', 0], ['no', 0], ['nope', 0],
  ['not really', 0], ['i would say several days', 1], ['several days i guess', 1], ['Most days tbh', 2],
  ['2 more than half the days', 2], ['0 not at all', 0], ['nearly every day (3)', 3],
  ['sevral days', 1], ['severl days', 1], ['several dyas', 1], ['nearly evry day', 3], ['neary every day', 3],
  ['not at al', 0], ['not atall', 0], ['more then half the days', 2], ['oftne', 2], ['oftn', 2], ['alwyas', 3],
  ['allways', 3], ['evryday', 3], ['dialy', 3], ['nevr', 0],
];

describe('reading an answer to a PHQ-9 item', () => {
  it.each(phq9Answers)('when a reply is %j, then the answer is stored as %d', (reply, value) => {
    expect(parseReply(reply, shippedItem('phq9', 'q1'))).toEqual({ kind: 'answer', value });
  });
});

// ONS4 items run 0 (Not at all) to 10 (Completely).
const onsAnswers: [string, number][] = [
  ['7', 7], ['seven', 7], ['10', 10], ['ten', 10], ['\u{1F51F}', 10], ['0', 0], ['7/10', 7], ['7 out of 10', 7],
  ['8 / 10', 8], ['ten out of ten', 10], ['10/10', 10], ['about 6', 6], ['eight', 8], ['5\uFE0F\u20E3', 5],
  ['completely', 10], ['not at all', 0], ['completly', 10], ['Not at all anxious', 0], ['Completely!', 10], ['9 x', 9],
];

describe('reading an answer to an ONS4 item', () => {
  it.each(onsAnswers)('when a reply is %j, then the answer is stored as %d', (reply, value) => {
    expect(parseReply(reply, shippedItem('ons4', 'anxiety'))).toEqual({ kind: 'answer', value });
  });
});

const otherAnswers: [string, string, string, number][] = [
  ['core10', 'q1', 'often', 3], ['core10', 'q1', 'Often', 3], ['core10', 'q1', 'sometimes', 2],
  ['core10', 'q1', 'only occasionally', 1], ['core10', 'q1', 'occasionally', 1], ['core10', 'q1', 'most or all of the time', 4],
  ['core10', 'q1', 'most of the time', 4], ['core10', 'q1', 'all the time', 4], ['core10', 'q1', 'not at all', 0],
  ['core10', 'q1', 'ofen', 3], ['core10', 'q1', 'somtimes', 2], ['core10', 'q1', 'rarely', 1], ['core10', 'q1', '4', 4],
  ['core10', 'q2', 'most or all of the time', 4],
  ['ons-loneliness', 'lonely', '1', 1], ['ons-loneliness', 'lonely', 'often', 1], ['ons-loneliness', 'lonely', 'always', 1],
  ['ons-loneliness', 'lonely', 'often/always', 1], ['ons-loneliness', 'lonely', 'some of the time', 2],
  ['ons-loneliness', 'lonely', 'occasionally', 3], ['ons-loneliness', 'lonely', 'hardly ever', 4],
  ['ons-loneliness', 'lonely', 'never', 5], ['ons-loneliness', 'lonely', 'Never!', 5], ['ons-loneliness', 'lonely', 'hardly evr', 4],
  ['coping-and-support', 'feeling', 'ok', 3], ['coping-and-support', 'feeling', 'OK', 3], ['coping-and-support', 'feeling', 'okay', 3],
  ['coping-and-support', 'feeling', 'fine', 3], ['coping-and-support', 'feeling', 'good', 4], ['coping-and-support', 'feeling', 'great', 5],
  ['coping-and-support', 'feeling', 'awful', 1], ['coping-and-support', 'feeling', 'not great', 2],
  ['coping-and-support', 'feeling', 'not good', 2], ['coping-and-support', 'feeling', 'not bad', 3],
  ['coping-and-support', 'feeling', 'not too bad', 3], ['coping-and-support', 'feeling', 'pretty good thanks', 4],
  ['coping-and-support', 'feeling', 'feeling great!', 5], ['coping-and-support', 'feeling', 'terrible', 1],
  ['coping-and-support', 'feeling', 'amazing', 5], ['coping-and-support', 'coping', 'sometimes', 3],
  ['coping-and-support', 'coping', 'always', 5], ['coping-and-support', 'coping', 'never', 1], ['coping-and-support', 'coping', 'usually', 4],
];

describe('reading labels and synonyms on other measures', () => {
  it.each(otherAnswers)('when a reply to %s %s is %j, then the answer is stored as %d', (measureId, itemId, reply, value) => {
    expect(parseReply(reply, shippedItem(measureId, itemId))).toEqual({ kind: 'answer', value });
  });
});
