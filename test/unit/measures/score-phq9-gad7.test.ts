import { scoreMeasure } from '../../../src/domain/measures/score-measure.js';
import { answersTotalling } from './answers-totalling.js';
import { shippedMeasure } from './shipped-measure.js';

describe('scoring the PHQ-9', () => {
  const phq9 = shippedMeasure('phq9');

  it.each([
    [0, 'Minimal'], [4, 'Minimal'], [5, 'Mild'], [9, 'Mild'], [10, 'Moderate'], [14, 'Moderate'],
    [15, 'Moderately severe'], [19, 'Moderately severe'], [20, 'Severe'], [27, 'Severe'],
  ])('when the answers total %d, then the band is %s', (total, band) => {
    const result = scoreMeasure(phq9, answersTotalling(phq9, total));
    expect(result).toMatchObject({ scorable: true, total, score: total, band, prorated: false });
  });

  it.each([[9, false], [10, true]])('when the total is %d, then the caseness threshold reached is %s', (total, reached) => {
    expect(scoreMeasure(phq9, answersTotalling(phq9, total)).cutoff?.reached).toBe(reached);
  });

  it('when item 9 is answered 0, then no risk is flagged', () => {
    expect(scoreMeasure(phq9, { ...answersTotalling(phq9, 5), q9: 0 }).riskFlags).toEqual([]);
  });

  it.each([1, 2, 3])('when item 9 is answered %d, then a risk flag is raised on it', (value) => {
    const result = scoreMeasure(phq9, { ...answersTotalling(phq9, 0), q9: value });
    expect(result.riskFlags).toEqual([{ itemId: 'q9', value, atOrAbove: 1, label: expect.stringContaining('item 9') }]);
  });

  it('when an answer is missing, then the total is not scorable but the risk flag is still raised', () => {
    const all: Record<string, number> = { ...answersTotalling(phq9, 12), q9: 2 };
    const { q1: _missing, ...answers } = all;
    const result = scoreMeasure(phq9, answers);
    expect(result).toMatchObject({ scorable: false, total: null, band: null, missing: ['q1'] });
    expect(result.reason).toBe('PHQ-9 (Patient Health Questionnaire, depression) needs every answer to be scored; 1 missing (q1)');
    expect(result.riskFlags.map((flag) => flag.itemId)).toEqual(['q9']);
  });

  it('when an answer is not one of the options, then the result is not scorable and says which', () => {
    const result = scoreMeasure(phq9, { ...answersTotalling(phq9, 3), q2: 7 });
    expect(result).toMatchObject({ scorable: false, reason: '7 is not an answer to "q2" (0, 1, 2, 3)' });
  });

  it('when an answer names an item the measure does not have, then the result is not scorable', () => {
    expect(scoreMeasure(phq9, { ...answersTotalling(phq9, 3), q10: 1 }).reason).toBe('phq9 has no item "q10"');
  });
});

describe('scoring the GAD-7', () => {
  const gad7 = shippedMeasure('gad7');

  it.each([
    [0, 'Minimal'], [4, 'Minimal'], [5, 'Mild'], [9, 'Mild'], [10, 'Moderate'], [14, 'Moderate'], [15, 'Severe'], [21, 'Severe'],
  ])('when the answers total %d, then the band is %s', (total, band) => {
    expect(scoreMeasure(gad7, answersTotalling(gad7, total))).toMatchObject({ scorable: true, total, band });
  });

  it('when every answer is "Not at all", then the total is 0', () => {
    expect(gad7.items.every((item) => item.options[0]?.label?.en === 'Not at all' && item.options[0].value === 0)).toBe(true);
    expect(scoreMeasure(gad7, answersTotalling(gad7, 0)).total).toBe(0);
  });

  it.each([[7, false], [8, true]])('when the total is %d, then the caseness threshold reached is %s', (total, reached) => {
    expect(scoreMeasure(gad7, answersTotalling(gad7, total)).cutoff?.reached).toBe(reached);
  });
});
