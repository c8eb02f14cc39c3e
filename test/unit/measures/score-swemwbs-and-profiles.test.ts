import { scoreMeasure } from '../../../src/domain/measures/score-measure.js';
import { answersTotalling } from './answers-totalling.js';
import { shippedMeasure } from './shipped-measure.js';

// The SWEMWBS raw-to-metric conversion published by Warwick Medical School (Stewart-Brown et al. 2009).
const published = [
  7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54,
  22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.7, 32.55, 35.0,
];

describe('scoring the SWEMWBS skeleton', () => {
  const swemwbs = shippedMeasure('swemwbs');

  it.each(published.map((metric, i) => [i + 7, metric]))('when the raw total is %d, then the metric score is %d', (raw, metric) => {
    expect(scoreMeasure(swemwbs, answersTotalling(swemwbs, raw))).toMatchObject({ scorable: true, total: raw, converted: metric, score: metric });
  });

  it('when an answer is missing, then it is not scorable: the conversion needs all seven', () => {
    const { q7: _missing, ...six } = answersTotalling(swemwbs, 21);
    expect(scoreMeasure(swemwbs, six)).toMatchObject({ scorable: false, converted: null });
  });
});

describe('scoring measures that have no total', () => {
  it('when all five EQ-5D-5L dimensions are answered, then the result is their profile', () => {
    const eq5d = shippedMeasure('eq5d5l');
    const answers = { mobility: 1, 'self-care': 1, 'usual-activities': 2, 'pain-discomfort': 1, 'anxiety-depression': 3 };
    expect(scoreMeasure(eq5d, answers)).toMatchObject({ scorable: true, total: null, profile: '11213' });
  });

  it('when an EQ-5D-5L dimension is missing, then there is no profile', () => {
    expect(scoreMeasure(shippedMeasure('eq5d5l'), { mobility: 1 }).profile).toBeNull();
  });

  it('when the ONS loneliness question is answered, then it is scorable with no total', () => {
    expect(scoreMeasure(shippedMeasure('ons-loneliness'), { lonely: 1 })).toMatchObject({ scorable: true, total: null, band: null });
  });

  it('when the bespoke check-in is scored, then the opening question is left out of the total', () => {
    const answers = { feeling: 1, coping: 2, 'asking-for-help': 3, 'someone-to-talk-to': 4, 'where-to-go': 5 };
    const result = scoreMeasure(shippedMeasure('coping-and-support'), answers);
    expect(result).toMatchObject({ total: 14, subscales: [{ id: 'coping', score: 5 }, { id: 'support', score: 9 }] });
    const { feeling: _skipped, ...withoutOpening } = answers;
    expect(scoreMeasure(shippedMeasure('coping-and-support'), withoutOpening).total).toBe(14);
  });
});
