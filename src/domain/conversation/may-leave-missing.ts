import type { Measure } from '../measures/measure.js';
import type { QuestionSet } from '../measures/question-set.js';
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

/** A question of a set may be left out only if every measure that has it can do without it. */
export function mayLeaveMissingInSet(set: QuestionSet, questionId: string, answers: Readonly<Record<string, RecordedAnswer>>): boolean {
  const [only] = set.measures;
  if (set.measures.length === 1 && only) return mayLeaveMissing(only, questionId, answers);
  const refs = set.sources[questionId] ?? [];
  return refs.length > 0 && refs.every((ref) => {
    const measure = set.measures.find((m) => m.id === ref.measureId);
    if (!measure) return false;
    // The measure's own view of the answers: its item ids, each shared answer under each of them.
    const own: Record<string, RecordedAnswer> = {};
    for (const [id, sources] of Object.entries(set.sources)) {
      const answer = answers[id];
      const mine = sources.find((source) => source.measureId === measure.id);
      if (answer && mine) own[mine.itemId] = answer;
    }
    return mayLeaveMissing(measure, ref.itemId, own);
  });
}
