import { pairedChange, tQuantile975 } from '../../../src/domain/analytics/paired-change.js';
import { round } from '../../../src/domain/analytics/measure-outcome.js';

describe('paired change', () => {
  it('when the t quantile is asked for, then it matches the published table', () => {
    // Two-sided 95% critical values of Student's t (any statistics table).
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(7)).toBeCloseTo(2.365, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
  });

  it('when there is one pair, then there is a mean change but no interval and no effect size', () => {
    const stats = pairedChange([{ baseline: 12, followUp: 5 }], { higherIsBetter: false, reliableChange: 6, casenessAtOrAbove: 10 });
    expect(stats).toMatchObject({ n: 1, meanChange: -7, ci95: null, effectSize: null, reliable: { improved: 1 }, caseness: { casesAtBaseline: 1, recovered: 1, reliablyRecovered: 1 } });
  });

  it('when a measure has no threshold or cut-off, then nothing is invented', () => {
    const stats = pairedChange([{ baseline: 3, followUp: 7 }, { baseline: 5, followUp: 6 }], { higherIsBetter: true, reliableChange: null, casenessAtOrAbove: null });
    expect(stats.reliable).toBeNull();
    expect(stats.caseness).toBeNull();
  });

  it('when a change is exactly the threshold in the better direction, then it is reliable improvement', () => {
    const stats = pairedChange([{ baseline: 17.43, followUp: 11.43 }, { baseline: 10, followUp: 16 }], { higherIsBetter: false, reliableChange: 6, casenessAtOrAbove: null });
    expect(stats.reliable).toEqual({ improved: 1, 'no-reliable-change': 0, deteriorated: 1 });
  });

  it('when figures are rounded, then halves go away from zero', () => {
    expect([round(0.125, 2), round(-0.125, 2), round(33.333, 1), round(-0.001, 2)]).toEqual([0.13, -0.13, 33.3, 0]);
  });
});
