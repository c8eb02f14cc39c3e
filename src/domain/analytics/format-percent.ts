/**
 * A rate as a whole percentage. Only exactly none is 0% and only exactly all is 100%: 199 of 200
 * shows as 99%, not a rounded-up 100% that would tell a manager nobody was missed.
 */
export function formatPercent(rate: number): number {
  if (rate <= 0) return 0;
  if (rate >= 1) return 100;
  // toFixed first so 0.145 (stored as 0.14499...) rounds to 15 like the fraction it came from.
  return Math.min(99, Math.max(1, Math.round(Number((rate * 100).toFixed(6)))));
}
