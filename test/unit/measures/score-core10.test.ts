import { scoreMeasure } from '../../../src/domain/measures/score-measure.js';
import { answersTotalling } from './answers-totalling.js';
import { shippedMeasure } from './shipped-measure.js';

describe('scoring the CORE-10', () => {
  const core10 = shippedMeasure('core10');
  const allZero = Object.fromEntries(core10.items.map((item) => [item.id, 0]));

  it('when every answer is "Not at all", then items 2 and 3 (reverse-scored) contribute 4 each', () => {
    expect(scoreMeasure(core10, allZero)).toMatchObject({ scorable: true, total: 8, band: 'Low level' });
  });

  it('when items 2 and 3 are answered "Most or all of the time", then they contribute 0', () => {
    expect(scoreMeasure(core10, { ...allZero, q2: 4, q3: 4 }).total).toBe(0);
  });

  it.each([
    [0, 'Healthy'], [5, 'Healthy'], [6, 'Low level'], [10, 'Low level'], [11, 'Mild'], [14, 'Mild'], [15, 'Moderate'],
    [19, 'Moderate'], [20, 'Moderately severe'], [24, 'Moderately severe'], [25, 'Severe'], [40, 'Severe'],
  ])('when the clinical score is %d, then the band is %s', (total, band) => {
    expect(scoreMeasure(core10, answersTotalling(core10, total))).toMatchObject({ scorable: true, total, band, prorated: false });
  });

  it.each([[10, false], [11, true]])('when the clinical score is %d, then the clinical range reached is %s', (total, reached) => {
    expect(scoreMeasure(core10, answersTotalling(core10, total)).cutoff).toEqual({ label: 'Clinical range (11 or more)', reached });
  });

  it('when one item is missing, then the score is prorated as 10 x total / 9', () => {
    // Keyed answers 2,2,2,2,2,2,2,2,2 over nine items = 18; 10 x 18 / 9 = 20.
    const answers = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 2 };
    expect(scoreMeasure(core10, answers)).toMatchObject({
      scorable: true, total: 20, score: 20, prorated: true, answered: 9, missing: ['q10'], band: 'Moderately severe',
    });
  });

  it('when one item is missing and the prorated score is not whole, then it is kept to two decimals and banded by its lower bound', () => {
    // Keyed total 19 over nine items: 10 x 19 / 9 = 21.11.
    const answers = { q1: 3, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q10: 2 };
    expect(scoreMeasure(core10, answers)).toMatchObject({ total: 21.11, band: 'Moderately severe', prorated: true });
    // Keyed total 9: 10 x 9 / 9 = 10 exactly; keyed total 10: 11.11, in the clinical range.
    const low = { q1: 1, q2: 4, q3: 4, q4: 1, q5: 1, q6: 1, q7: 1, q8: 2, q9: 2 };
    expect(scoreMeasure(core10, low)).toMatchObject({ total: 10, cutoff: { reached: false } });
    expect(scoreMeasure(core10, { ...low, q9: 3 })).toMatchObject({ total: 11.11, band: 'Mild', cutoff: { reached: true } });
  });

  it('when two items are missing, then it is not scorable and the reason says so', () => {
    const { q1: _a, q2: _b, ...answers } = allZero;
    expect(scoreMeasure(core10, answers)).toMatchObject({
      scorable: false,
      total: null,
      reason: 'CORE-10 (Clinical Outcomes in Routine Evaluation) can be scored with at most 1 missing answer; 2 missing (q1, q2)',
    });
  });

  it.each([[0, []], [1, ['q6']], [4, ['q6']]])('when item 6 is answered %d, then the risk flags are %j', (value, flagged) => {
    expect(scoreMeasure(core10, { ...allZero, q6: value }).riskFlags.map((flag) => flag.itemId)).toEqual(flagged);
  });
});
