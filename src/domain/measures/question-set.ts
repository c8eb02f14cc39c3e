import type { Answers, Measure, MeasureItem } from './measure.js';
import { scoreMeasure, type ScoreResult } from './score-measure.js';

/** Which measure's item a question answers; a shared question answers several. */
export interface ItemRef {
  readonly measureId: string;
  readonly itemId: string;
}

/**
 * The questions one timepoint asks: the items of its measures in order, an item two of them share
 * asked once, at its first place. `asked` is that list as one measure, which is what the
 * questionnaire state machine walks (so numbering, BACK, SKIP, LATER and resume cross measure
 * boundaries without knowing there are any); `sources` says which measures' items each of its
 * questions answers, so each measure is scored on its own. With one measure, `asked` is that
 * measure itself and nothing changes: same ids, same answers, same texts.
 */
export interface QuestionSet {
  /** "phq9", or "phq9+gad7+phq4": what a questionnaire state records as its measureId. */
  readonly id: string;
  readonly measures: readonly Measure[];
  readonly asked: Measure;
  /** By question id (an id of `asked`'s items): the items it answers, in the measures' order. */
  readonly sources: Readonly<Record<string, readonly ItemRef[]>>;
}

/**
 * Builds the set. Two items are the same question when their `sameAs` chains lead to one original
 * item (resolveSharedItems checked on loading that they are worded alike). With several measures a
 * question's id is `<measure>:<item>` of its first place, since measures reuse ids such as "q1".
 * Throws on an empty list or a measure given twice (parseQuestionnairePlan refuses both first).
 */
export function buildQuestionSet(measures: readonly Measure[]): QuestionSet {
  const [only] = measures;
  if (!only) throw new Error('a question set needs at least one measure');
  if (new Set(measures.map((m) => m.id)).size !== measures.length) throw new Error(`a measure is listed twice in ${measures.map((m) => m.id).join(', ')}`);
  if (measures.length === 1) {
    return { id: only.id, measures, asked: only, sources: Object.fromEntries(only.items.map((item) => [item.id, [{ measureId: only.id, itemId: item.id }]])) };
  }
  const byOriginal = new Map<string, { id: string; item: MeasureItem; measure: Measure; refs: ItemRef[] }>();
  const order: string[] = [];
  for (const measure of measures) {
    for (const item of measure.items) {
      const original = originalOf(measures, measure.id, item);
      const found = byOriginal.get(original);
      const ref = { measureId: measure.id, itemId: item.id };
      if (found) {
        found.refs.push(ref);
        continue;
      }
      byOriginal.set(original, { id: `${measure.id}:${item.id}`, item, measure, refs: [ref] });
      order.push(original);
    }
  }
  const questions = order.flatMap((key) => {
    const question = byOriginal.get(key);
    return question ? [question] : [];
  });
  const languages = only.languages.filter((language) => measures.every((m) => m.languages.includes(language)));
  const asked: Measure = {
    id: measures.map((m) => m.id).join('+'),
    version: measures.map((m) => `${m.id}@${m.version}`).join('+'),
    title: measures.map((m) => m.title).join(' + '),
    licence: only.licence,
    validated: measures.every((m) => m.validated),
    references: [],
    languages,
    items: questions.map(({ id, item, measure, refs }) => ({
      ...item,
      id,
      // Each measure's stem goes into its own items, since the set has no one stem.
      text: Object.fromEntries(languages.map((language) => [language, [measure.stem?.[language], item.text?.[language]].filter(Boolean).join(' ')])),
      optional: refs.every((ref) => itemOf(measures, ref)?.optional ?? false),
      ...riskOf(measures, refs),
    })),
    scoring: { method: 'none', higherIsBetter: true, missing: { maxMissing: 0 }, subscales: [], profile: false },
  };
  return { id: asked.id, measures, asked, sources: Object.fromEntries(questions.map((q) => [q.id, q.refs])) };
}

/** Each measure's answers by its own item ids; a shared question's answer counts for each measure that has it. */
export function answersByMeasure(set: QuestionSet, answers: Answers): Record<string, Record<string, number | null>> {
  const result: Record<string, Record<string, number | null>> = Object.fromEntries(set.measures.map((m) => [m.id, {}]));
  for (const [questionId, refs] of Object.entries(set.sources)) {
    const value = answers[questionId];
    if (value === undefined) continue;
    for (const ref of refs) {
      const own = result[ref.measureId];
      if (own) own[ref.itemId] = value;
    }
  }
  return result;
}

/** Every measure scored by its own rules from the set's answers, in the set's order. */
export function scoreQuestionSet(set: QuestionSet, answers: Answers): ScoreResult[] {
  const byMeasure = answersByMeasure(set, answers);
  return set.measures.map((measure) => scoreMeasure(measure, byMeasure[measure.id] ?? {}));
}

// The item a sameAs chain ends at, inside or outside the set: "gad7:q1" for PHQ-4's q1.
function originalOf(measures: readonly Measure[], measureId: string, item: MeasureItem, seen = new Set<string>()): string {
  const key = `${measureId}:${item.id}`;
  if (!item.sameAs || seen.has(key)) return key;
  seen.add(key);
  const source = measures.find((m) => m.id === item.sameAs?.measure);
  const next = source?.items.find((candidate) => candidate.id === item.sameAs?.item);
  return next && source ? originalOf(measures, source.id, next, seen) : `${item.sameAs.measure}:${item.sameAs.item}`;
}

function itemOf(measures: readonly Measure[], ref: ItemRef): MeasureItem | undefined {
  return measures.find((m) => m.id === ref.measureId)?.items.find((item) => item.id === ref.itemId);
}

// The most cautious threshold any of the measures sets for the question.
function riskOf(measures: readonly Measure[], refs: readonly ItemRef[]): Pick<MeasureItem, 'risk'> {
  const risks = refs.flatMap((ref) => {
    const risk = itemOf(measures, ref)?.risk;
    return risk ? [risk] : [];
  });
  const lowest = risks.sort((a, b) => a.atOrAbove - b.atOrAbove)[0];
  return lowest ? { risk: lowest } : {};
}
