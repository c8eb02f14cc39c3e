import { scoreMeasure } from '../../../src/domain/measures/score-measure.js';
import { answersTotalling } from './answers-totalling.js';
import { shippedMeasure } from './shipped-measure.js';

describe('scoring the PHQ-4', () => {
  const phq4 = shippedMeasure('phq4');

  it.each([
    [0, 'Normal'], [2, 'Normal'], [3, 'Mild'], [5, 'Mild'], [6, 'Moderate'], [8, 'Moderate'], [9, 'Severe'], [12, 'Severe'],
  ])('when the answers total %d, then the band is %s', (total, band) => {
    expect(scoreMeasure(phq4, answersTotalling(phq4, total))).toMatchObject({ scorable: true, total, band });
  });

  it.each([
    [2, false], [3, true], [6, true],
  ])('when the anxiety items (GAD-2) total %d, then the GAD-2 is positive: %s', (score, positive) => {
    const answers = { ...answersTotalling(phq4, score, ['q1', 'q2']), ...answersTotalling(phq4, 0, ['q3', 'q4']) };
    expect(scoreMeasure(phq4, answers).subscales).toEqual([
      { id: 'gad2', label: 'Anxiety (GAD-2)', score, band: null, positive },
      { id: 'phq2', label: 'Depression (PHQ-2)', score: 0, band: null, positive: false },
    ]);
  });

  it.each([[2, false], [3, true]])('when the depression items (PHQ-2) total %d, then the PHQ-2 is positive: %s', (score, positive) => {
    const answers = { ...answersTotalling(phq4, 0, ['q1', 'q2']), ...answersTotalling(phq4, score, ['q3', 'q4']) };
    expect(scoreMeasure(phq4, answers).subscales[1]).toMatchObject({ id: 'phq2', score, positive });
  });

  it('when a subscale item is missing, then that subscale has no score but the other still does', () => {
    const result = scoreMeasure(phq4, { q1: 3, q2: 3, q3: 1 });
    expect(result.subscales.map((s) => [s.id, s.score, s.positive])).toEqual([['gad2', 6, true], ['phq2', null, null]]);
    expect(result.scorable).toBe(false);
  });
});

describe('scoring ONS4 personal wellbeing', () => {
  const ons4 = shippedMeasure('ons4');
  const answers = (value: number, anxiety = 0) => ({ 'life-satisfaction': value, worthwhile: value, happiness: value, anxiety });

  it.each([
    [0, 'Low'], [4, 'Low'], [5, 'Medium'], [6, 'Medium'], [7, 'High'], [8, 'High'], [9, 'Very high'], [10, 'Very high'],
  ])('when life satisfaction, worthwhile and happiness are %d, then each is banded %s', (value, band) => {
    const result = scoreMeasure(ons4, answers(value));
    expect(result.subscales.slice(0, 3).map((s) => [s.score, s.band])).toEqual([[value, band], [value, band], [value, band]]);
  });

  it.each([
    [0, 'Very low'], [1, 'Very low'], [2, 'Low'], [3, 'Low'], [4, 'Medium'], [5, 'Medium'], [6, 'High'], [10, 'High'],
  ])('when anxiety is %d, then it is banded %s', (value, band) => {
    expect(scoreMeasure(ons4, answers(7, value)).subscales[3]).toMatchObject({ id: 'anxiety', score: value, band });
  });

  it('when all four are answered, then there is no total, only the four banded answers', () => {
    expect(scoreMeasure(ons4, answers(7, 2))).toMatchObject({ scorable: true, total: null, score: null, band: null });
  });

  it('when anxiety is missing, then the other three are still reported', () => {
    const { anxiety: _skipped, ...three } = answers(8);
    const result = scoreMeasure(ons4, three);
    expect(result.subscales.map((s) => s.band)).toEqual(['High', 'High', 'High', null]);
    expect(result.missing).toEqual(['anxiety']);
  });

  it('when the definition is read, then anxiety is the one ONS4 answer where lower is better', () => {
    expect(ons4.scoring.subscales.map((s) => [s.id, s.higherIsBetter])).toEqual([
      ['life-satisfaction', true], ['worthwhile', true], ['happiness', true], ['anxiety', false],
    ]);
  });
});
