import type { Measure } from '../measures/measure.js';
import type { RecordedAnswer } from './questionnaire-state.js';

/**
 * Whether an item can be left without an answer and the questionnaire still be worth finishing:
 * optional items always can; an item outside the total can; a scored item can while the measure's
 * missing-item rule (scoring.missing.maxMissing, e.g. one for CORE-10) still tolerates another gap.
 */
export function mayLeaveMissing(measure: Measure, itemId: string, answers: Readonly<Record<string, RecordedAnswer>>): boolean {
  const item = measure.items.find((candidate) => candidate.id === itemId);
  if (!item) return false;
  if (item.optional) return true;
  const scored = measure.scoring.items ?? measure.items.map((candidate) => candidate.id);
  if (!scored.includes(itemId)) return true;
  if (measure.scoring.method === 'none') return false;
  const alreadyMissing = scored.filter((id) => id !== itemId && answers[id]?.value === null).length;
  return alreadyMissing + 1 <= measure.scoring.missing.maxMissing;
}
