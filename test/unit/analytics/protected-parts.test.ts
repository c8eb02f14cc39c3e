import { measureOutcome, protectedParts, type CohortMember } from '../../../src/domain/analytics/measure-outcome.js';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';

const phq9 = loadMeasures().get('phq9')!;
const member = (baseline: number, followUp: number): CohortMember => ({ baseline: { score: baseline, items: {} }, followUpsCompleted: 1, latestFollowUp: { score: followUp, items: {} } });

describe('secondary suppression of the parts of a shown total', () => {
  it('when one part is small, then the smallest other non-zero part is withheld too, so subtraction cannot give it away', () => {
    expect(protectedParts([3, 0, 9], 12)).toEqual(new Set([0, 2]));
    expect(protectedParts([3, 6, 9], 18)).toEqual(new Set([0, 1]));
  });

  it('when two small parts add up to less than 5, then a third is withheld as well', () => {
    expect(protectedParts([1, 2, 10], 13)).toEqual(new Set([0, 1, 2]));
    expect(protectedParts([2, 3, 10], 15)).toEqual(new Set([0, 1]));
  });

  it('when the implied rest of a total is small, then the part shown beside it is withheld', () => {
    // 8 cases at baseline, 6 recovered: the 2 who did not would be 8 - 6.
    expect(protectedParts([6], 8)).toEqual(new Set([0]));
    // 3 recovered of 12: the 9 who did not are never shown, so hiding them is what protects the 3.
    expect(protectedParts([3], 12)).toEqual(new Set([0]));
    expect(protectedParts([7], 12)).toEqual(new Set());
  });

  it('when no part is from 1 to 4, then nothing is withheld', () => {
    expect(protectedParts([5, 0, 7], 12)).toEqual(new Set());
    expect(protectedParts([0, 0, 0], 0)).toEqual(new Set());
  });
});

describe('the outcome report with small numbers suppressed', () => {
  // PHQ-9 (reliable change 6, lower is better): 3 improved, 6 no reliable change, 0 deteriorated.
  const members = [member(20, 10), member(18, 9), member(16, 8), ...Array.from({ length: 6 }, () => member(12, 11))];

  it('when one reliable-change category is under 5, then the next smallest is withheld and neither has a percentage', () => {
    const outcome = measureOutcome(phq9, { enrolled: 9, members }, { suppress: true });
    expect(outcome.paired).toBe(9);
    expect(outcome.reliableImprovement).toEqual({ count: '<5', percent: null });
    expect(outcome.noReliableChange).toEqual({ count: 'withheld', percent: null });
    expect(outcome.reliableDeterioration).toEqual({ count: 0, percent: 0 });
  });

  it('when nothing is suppressed, then the same cohort shows every count', () => {
    const outcome = measureOutcome(phq9, { enrolled: 9, members }, { suppress: false });
    expect(outcome.reliableImprovement).toEqual({ count: 3, percent: 33.3 });
    expect(outcome.noReliableChange).toEqual({ count: 6, percent: 66.7 });
  });
});
