import { parseReply } from '../../../src/domain/measures/parse-reply.js';
import type { MeasureItem } from '../../../src/domain/measures/measure.js';
import { shippedMeasures } from './shipped-measure.js';

/**
 * Every answer scale the shipped measures use, read from the definitions: a new measure or a new
 * option is covered here without anyone remembering to add it. Items that share their options are
 * one scale, so each scale is tested once.
 */
const scales = shippedMeasures().flatMap((measure) => {
  const seen = new Set<string>();
  return measure.items.flatMap((item) => {
    const key = JSON.stringify(item.options);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ name: `${measure.id} ${item.id}`, measureId: measure.id, item }];
  });
});

const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const word = (value: number): string => words[value] ?? String(value);
const values = (item: MeasureItem): number[] => item.options.map((option) => option.value);
const range = (item: MeasureItem) => ({ min: Math.min(...values(item)), max: Math.max(...values(item)) });
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** How people write a number on its own: digits, a word, "a seven", "7 out of 10", "seven/10". */
function numberReplies(value: number, max: number): string[] {
  const spelt = word(value);
  const replies = [String(value), spelt, `${capitalised(spelt)}.`, spelt.toUpperCase(), `${spelt}!`, `a ${spelt}`, `a ${value}`,
    `it's a ${spelt}`, `i'd say ${spelt}`, `${spelt} thanks`, `${value} out of ${max}`, `${spelt} out of ${max}`,
    `${spelt} out of ${word(max)}`, `${spelt} outta ${word(max)}`];
  // "2/3" on a short scale is more likely "2 or 3" than a fraction, so only longer scales read it.
  if (max >= 5) replies.push(`${value}/${max}`, `${spelt}/${max}`, `${spelt} / ${word(max)}`, `${spelt} over ${max}`);
  if (value === 0) replies.push('nought', 'Nought.', 'a nought');
  return replies;
}

// Slips of number words that are not words themselves; homophones that are words ("won", "for",
// "too", "ate") are deliberately not read as numbers, because a guess is worse than asking again.
const numberTypos: [string, number][] = [
  ['zer0', 0], ['thre', 3], ['threee', 3], ['fuor', 4], ['fiv', 5], ['sevn', 7], ['sevan', 7], ['eigth', 8], ['eigt', 8], ['nien', 9],
];

describe.each(scales)('reading a number on $name', ({ item }) => {
  const { max } = range(item);
  const cases = values(item).flatMap((value) => numberReplies(value, max).map((reply): [string, number] => [reply, value]));

  it.each(cases)('when a reply is %j, then the answer is stored as %d', (reply, value) => {
    expect(parseReply(reply, item)).toEqual({ kind: 'answer', value });
  });

  it.each(numberTypos.filter(([, value]) => values(item).includes(value)))('when a reply is the slip %j, then the answer is stored as %d', (reply, value) => {
    expect(parseReply(reply, item)).toEqual({ kind: 'answer', value });
  });

  if (values(item).includes(0)) {
    it('when a reply is "none" and the scale starts at 0, then the answer is stored as 0', () => {
      expect(parseReply('none', item)).toEqual({ kind: 'answer', value: 0 });
    });
  }
});

describe.each(scales)('refusing number replies that are not one answer on $name', ({ item }) => {
  const { min, max } = range(item);
  const below = min === 0 ? ['minus one', '-1', 'negative 1'] : [word(min - 1), String(min - 1)];
  const outside: [string, RegExp][] = [
    [word(max + 1), new RegExp(`^${max + 1} isn't one of the answers`)],
    [`a ${word(max + 1)}`, new RegExp(`^${max + 1} isn't one of the answers`)],
    [String(max + 1), new RegExp(`^${max + 1} isn't one of the answers`)],
    ...below.map((reply): [string, RegExp] => [reply, new RegExp(`^${min - 1} isn't one of the answers`)]),
  ];
  const unsure = /fits best/;
  const oneAnswer = /^Please choose just one answer/;
  const ambiguous: [string, RegExp][] = [
    [`between ${word(min)} and ${word(min + 1)}`, oneAnswer], [`between ${min} and ${min + 1}`, oneAnswer],
    [`${word(max - 1)} or ${word(max)}`, oneAnswer], [`${max - 1}-${max}`, oneAnswer], [`${word(min)} or ${min + 1}`, oneAnswer],
    ['not sure', unsure], ["I don't know", unsure], [`not sure, maybe ${word(min + 1)}`, unsure], ['dunno', unsure],
    [`${min}.5`, /whole number/], [`${word(min)} and a half`, /./],
  ];

  it.each(outside)('when a reply is %j, then it is refused as not one of the answers', (reply, reason) => {
    expect(parseReply(reply, item)).toEqual({ kind: 'invalid', reason: expect.stringMatching(reason) });
  });

  it.each(ambiguous)('when a reply is %j, then it is re-asked rather than guessed', (reply, reason) => {
    expect(parseReply(reply, item)).toEqual({ kind: 'invalid', reason: expect.stringMatching(reason) });
  });

  it.each(['won', 'for', 'too', 'ate', 'to', 'nothing'])('when a reply is the word %j, then it is re-asked', (reply) => {
    expect(parseReply(reply, item).kind).toBe('invalid');
  });
});

// How people paraphrase each option label, per measure (the same label can sit at a different
// place on another measure's scale). Every labelled option of every shipped scale must be listed.
const frequencyOverDays: Record<string, string[]> = {
  'Not at all': ['never', 'none', 'no', 'nope', 'not once', 'no days', 'not at all really', 'not really', 'none of the days', 'not a single day', 'never at all'],
  'Several days': ['a few days', 'some days', 'few days', 'a couple of days', 'sometimes', 'occasionally', 'now and then', 'now and again',
    'once or twice', 'a couple of times', 'a few times', 'rarely', 'hardly ever', 'almost never', 'on and off', 'every now and then',
    'from time to time', 'some of the days', 'a day or two', 'one or two days', 'at times'],
  'More than half the days': ['most days', 'more than half', 'more than half the time', 'often', 'a lot', 'lots', 'most of the days',
    'over half the days', 'more than half of the days', 'more days than not', 'most of the time', 'mostly', 'usually', 'quite often', 'loads', 'frequently'],
  'Nearly every day': ['almost every day', 'every day', 'nearly everyday', 'always', 'all the time', 'daily', 'constantly', 'almost daily',
    'nearly all the time', 'pretty much every day', 'every single day', 'just about every day', 'almost always', 'nearly always', 'all day every day'],
};

const paraphrases: Record<string, Record<string, string[]>> = {
  phq9: frequencyOverDays,
  gad7: frequencyOverDays,
  phq4: frequencyOverDays,
  core10: {
    'Not at all': ['never', 'none', 'no', 'nope', 'not once', 'none of the time', 'never at all', 'not at all really'],
    'Only occasionally': ['occasionally', 'rarely', 'hardly ever', 'once or twice', 'seldom', 'not often', 'not very often', 'almost never',
      'not that often', 'a couple of times', 'once in a while', 'very rarely', 'hardly', 'every so often'],
    Sometimes: ['now and then', 'some of the time', 'now and again', 'every now and then', 'from time to time', 'at times', 'on and off',
      'off and on', 'some days', 'some of the days', 'sometimes yes'],
    Often: ['a lot', 'frequently', 'quite often', 'very often', 'lots', 'loads', 'regularly', 'quite a lot', 'a fair bit', 'quite a bit', 'more often than not', 'a good deal', 'many times'],
    'Most or all of the time': ['all the time', 'always', 'most of the time', 'constantly', 'all of the time', 'almost always', 'nearly always',
      'usually', 'mostly', 'every day', 'the whole time', 'non stop'],
  },
  ons4: {
    'Not at all': ['none', 'none at all', 'not in the slightest', 'not at all really'],
    Completely: ['totally', 'entirely', 'fully', 'completely so', 'absolutely'],
  },
  'ons-loneliness': {
    'Often/always': ['often', 'always', 'all the time', 'a lot', 'constantly', 'very often', 'frequently', 'most of the time', 'every day', 'lots'],
    'Some of the time': ['sometimes', 'at times', 'some days', 'part of the time', 'on and off'],
    Occasionally: ['now and then', 'once in a while', 'now and again', 'every now and then', 'from time to time', 'every so often'],
    'Hardly ever': ['rarely', 'seldom', 'almost never', 'very rarely', 'hardly', 'not often', 'not very often', 'barely ever', 'hardly at all'],
    Never: ['not at all', 'no', 'none', 'not once', 'nope', 'never ever', 'no never'],
  },
  'coping-and-support': {
    Awful: ['terrible', 'very bad', 'really bad', 'dreadful', 'rubbish', 'horrible', 'the worst', 'awful tbh'],
    'Not great': ['not good', 'bad', 'low', 'down', 'rough', 'not so good', 'not very good', 'not too good', 'could be better', 'not well', 'struggling'],
    OK: ['okay', 'alright', 'all right', 'fine', 'so so', 'not bad', 'not too bad', 'meh', 'average', 'ok i guess', 'fair'],
    Good: ['well', 'pretty good', 'quite good', 'good thanks', 'doing well', 'fairly good'],
    Great: ['very good', 'really good', 'brilliant', 'excellent', 'amazing', 'fantastic', 'wonderful', 'very well', 'really well', 'superb'],
    Never: ['no', 'not at all', 'none', 'not once', 'never ever'],
    Rarely: ['hardly ever', 'seldom', 'almost never', 'not often', 'not very often', 'hardly', 'once or twice'],
    Sometimes: ['some of the time', 'occasionally', 'now and then', 'now and again', 'at times', 'from time to time'],
    Often: ['a lot', 'usually', 'most of the time', 'frequently', 'quite often', 'lots', 'mostly'],
    Always: ['all the time', 'every time', 'constantly', 'all of the time', 'every day', 'without fail'],
  },
};

/** A paraphrase said as people say it: on its own, capitalised, or inside a short sentence. */
const framings = (phrase: string) => [phrase, `${capitalised(phrase)}.`, `${phrase}!`, `i'd say ${phrase}`, `${phrase} i think`];

const labelled = scales.flatMap(({ name, measureId, item }) =>
  item.options.flatMap((option) => {
    const label = option.label?.en;
    return label === undefined ? [] : [{ name, measureId, item, label, value: option.value }];
  }),
);

describe.each(labelled)('reading a paraphrase of "$label" on $name', ({ measureId, item, label, value }) => {
  it('then the label has paraphrases listed in this test', () => {
    expect(paraphrases[measureId]?.[label]).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  const cases = (paraphrases[measureId]?.[label] ?? []).flatMap((phrase) => framings(phrase));
  it.each(cases.length > 0 ? cases : ['(none listed)'])(`when a reply is %j, then the answer is stored as ${value}`, (reply) => {
    expect(parseReply(reply, item)).toEqual({ kind: 'answer', value });
  });
});

describe('refusing frequency replies that do not name one answer', () => {
  const core10 = scales.find(({ measureId }) => measureId === 'core10')?.item;
  const phq9 = scales.find(({ measureId }) => measureId === 'phq9')?.item;
  it.each([
    ['core10', 'not sure how often', /fits best/], ['core10', 'sometimes or often', /one answer/], ['core10', 'never or rarely', /one answer/],
    ['core10', 'not always', /couldn't tell/], ['core10', 'not all the time', /couldn't tell/], ['core10', 'not sometimes', /couldn't tell/],
    ['phq9', 'not very often', /couldn't tell/], ['phq9', 'not that often', /couldn't tell/], ['phq9', 'not every day', /couldn't tell/],
    ['phq9', 'rarely or most days', /one answer/], ['phq9', 'most days, 1', /one answer/], ['phq9', 'once or twice, 3', /one answer/],
    // Amounts rather than frequencies, and phrases that fall between two answers, are asked again.
    ['core10', 'a little', /didn't understand/], ['core10', 'half the time', /didn't understand/], ['core10', 'most days', /didn't understand/], ['phq9', 'half the days', /didn't understand/],
  ])('when a reply to %s is %j, then it is re-asked', (measureId, reply, reason) => {
    const item = measureId === 'core10' ? core10 : phq9;
    expect(item).toBeDefined();
    expect(parseReply(reply, item as MeasureItem)).toEqual({ kind: 'invalid', reason: expect.stringMatching(reason) });
  });
});
