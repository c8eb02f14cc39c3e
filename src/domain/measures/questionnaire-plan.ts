import type { MeasureCatalogue } from './load-measures.js';
import type { Measure } from './measure.js';
import { measureUsability } from './measure-usability.js';
import { buildQuestionSet, type QuestionSet } from './question-set.js';

/**
 * Which measures a programme asks at each timepoint, in order: `measures` everywhere, unless `at`
 * gives a timepoint ('baseline', a follow-up such as '6w', or 'discharge') a list of its own, e.g.
 * discharge asking ONS4 and a satisfaction question. Programmes keep it with a plan version.
 */
export interface QuestionnairePlan {
  readonly measures: readonly string[];
  readonly at: Readonly<Record<string, readonly string[]>>;
}

export type ParsedQuestionnairePlan = { readonly ok: true; readonly plan: QuestionnairePlan } | { readonly ok: false; readonly problems: readonly string[] };

/** Above this many questions at one timepoint, `programme show` warns: SMS surveys lose people after about 9. */
export const questionsWarningAbove = 15;

export function measuresAt(plan: QuestionnairePlan, timepointId: string): readonly string[] {
  return plan.at[timepointId] ?? plan.measures;
}

/**
 * Checks a plan against the loaded measures and the programme's timepoints, listing every
 * problem: an empty list, a measure listed twice, a measure that is not loaded or not usable (a
 * licensed skeleton without its wording), a timepoint the programme does not have.
 */
export function parseQuestionnairePlan(
  input: { readonly measures: readonly string[]; readonly at?: Readonly<Record<string, readonly string[]>> },
  catalogue: MeasureCatalogue,
  timepointIds: readonly string[],
): ParsedQuestionnairePlan {
  const problems: string[] = [];
  const unusable = new Set<string>();
  const checkList = (field: string, ids: readonly string[]): void => {
    if (ids.length === 0) problems.push(`${field}: give at least one measure, e.g. ons4`);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${field}: "${id}" is listed twice; a timepoint asks each measure once`);
      seen.add(id);
      const measure = catalogue.get(id);
      if (!measure) {
        problems.push(`${field}: no measure "${id}" (loaded: ${[...catalogue.keys()].join(', ')})`);
        continue;
      }
      const usability = measureUsability(measure);
      // A measure is unusable wherever it appears: said once, against the first list naming it.
      if (!usability.usable && !unusable.has(id)) problems.push(`${field}: ${usability.reason}`);
      if (!usability.usable) unusable.add(id);
    }
  };
  checkList('measures', input.measures);
  for (const [timepointId, ids] of Object.entries(input.at ?? {})) {
    if (!timepointIds.includes(timepointId)) {
      problems.push(`measuresAt.${timepointId}: this programme has no timepoint "${timepointId}" (it has ${timepointIds.join(', ')})`);
    }
    checkList(`measuresAt.${timepointId}`, ids);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { measures: [...input.measures], at: Object.fromEntries(Object.entries(input.at ?? {}).map(([id, ids]) => [id, [...ids]])) } };
}

/** The question set of one timepoint, or undefined when one of its measures is not loaded. */
export function questionSetAt(plan: QuestionnairePlan, timepointId: string, catalogue: MeasureCatalogue): QuestionSet | undefined {
  return questionSetOf(measuresAt(plan, timepointId), catalogue);
}

export function questionSetOf(measureIds: readonly string[], catalogue: MeasureCatalogue): QuestionSet | undefined {
  const measures = measureIds.map((id) => catalogue.get(id));
  if (measures.length === 0 || measures.some((m) => m === undefined)) return undefined;
  return buildQuestionSet(measures as Measure[]);
}
