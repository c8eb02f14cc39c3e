import { formatPercent } from '../../domain/analytics/format-percent.js';

/** A rate as the Monday text writes it (formatPercent); "nothing due" rather than 0% when there is no rate. */
export function percent(rate: number | null): string {
  return rate === null ? 'nothing due' : `${formatPercent(rate)}%`;
}
