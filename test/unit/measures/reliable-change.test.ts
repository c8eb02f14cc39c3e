import { reliableChange } from '../../../src/domain/measures/reliable-change.js';
import { shippedMeasure } from './shipped-measure.js';

describe('classifying reliable change', () => {
  it.each([
    ['phq9', 20, 14, 'improved'], ['phq9', 20, 15, 'no-reliable-change'], ['phq9', 10, 16, 'deteriorated'], ['phq9', 10, 15, 'no-reliable-change'],
    ['gad7', 15, 11, 'improved'], ['gad7', 15, 12, 'no-reliable-change'], ['gad7', 8, 12, 'deteriorated'], ['gad7', 8, 11, 'no-reliable-change'],
    ['core10', 22, 16, 'improved'], ['core10', 22, 17, 'no-reliable-change'], ['core10', 10, 16, 'deteriorated'], ['core10', 10, 15, 'no-reliable-change'],
    ['core10', 21.11, 15.11, 'improved'], ['core10', 21.11, 15.12, 'no-reliable-change'],
    // SWEMWBS: higher is better, threshold 3 on the metric score.
    ['swemwbs', 16.88, 19.98, 'improved'], ['swemwbs', 16.36, 19.25, 'no-reliable-change'], ['swemwbs', 17.43, 20.43, 'improved'],
    ['swemwbs', 19.98, 16.88, 'deteriorated'], ['swemwbs', 19.25, 16.36, 'no-reliable-change'],
  ])('when %s goes from %d to %d, then the change is %s', (id, before, after, classification) => {
    expect(reliableChange(shippedMeasure(id), before, after)?.classification).toBe(classification);
  });

  it('when the change is reported, then it is after minus before, rounded to two decimals', () => {
    expect(reliableChange(shippedMeasure('swemwbs'), 17.43, 20.43)).toEqual({ classification: 'improved', change: 3, threshold: 3 });
  });

  it.each(['ons4', 'phq4', 'ons-loneliness', 'coping-and-support'])('when %s has no published threshold, then there is no classification', (id) => {
    expect(reliableChange(shippedMeasure(id), 1, 9)).toBeNull();
  });

  it('when the definitions are read, then each says whether higher scores are better', () => {
    const direction = Object.fromEntries(['phq9', 'gad7', 'phq4', 'core10', 'ons4', 'swemwbs', 'wemwbs'].map((id) => [id, shippedMeasure(id).scoring.higherIsBetter]));
    expect(direction).toEqual({ phq9: false, gad7: false, phq4: false, core10: false, ons4: true, swemwbs: true, wemwbs: true });
  });
});
