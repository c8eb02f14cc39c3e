import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import { parseQuestionnairePlan, type QuestionnairePlan } from '../../domain/measures/questionnaire-plan.js';
import type { TimepointPlan } from '../../domain/schedule/timepoint-plan.js';
import { describeInputIssues, refuse, type AdminResult } from './admin-result.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Programme, ProgrammeCatalogue } from '../ports/programme-catalogue.js';
import type { Clock } from '../ports/clock.js';
import type { ParsedTimepointPlan } from '../../domain/schedule/parse-timepoint-plan.js';
import { programmePlan } from './programme-plan.js';
import { programmeSlug } from './programme-slug.js';

export interface AddProgrammeDeps {
  programmes: ProgrammeCatalogue;
  measures: MeasureCatalogue;
  audit: AuditLog;
  clock: Clock;
}

export type AddProgrammeInput = z.input<typeof addProgrammeSchema>;

/**
 * Adds a programme: usable measures (one, `measureId`, or a list, `measures`, with per-timepoint
 * lists in `measuresAt`) and a checked timepoint plan. Every problem is listed at once: a measure
 * that cannot be used refuses the whole programme. Names are unique by slug (the unique index decides). `isDefault` moves the default here;
 * the first programme is the default until another is made so.
 */
export async function addProgramme(deps: AddProgrammeDeps, input: unknown, actor: string): Promise<AdminResult<Programme>> {
  const parsed = addProgrammeSchema.safeParse(input);
  // With a field of the wrong shape, the others are still checked: every problem in one answer.
  const fields = parsed.success ? parsed.data : validFields(input);
  const problems = parsed.success ? [] : describeInputIssues(parsed.error.issues);
  const slug = fields.name === undefined ? undefined : programmeSlug(fields.name);
  if (slug === '') problems.push('name: must contain a letter or digit, so workers can type it after ENROL');
  const plan = planOf(fields);
  if (plan && !plan.ok) problems.push(...plan.problems);
  const questionnaire = questionnaireOfInput(deps.measures, fields, plan?.ok ? plan.plan : undefined, !given(input, 'measureId') && !given(input, 'measures'));
  problems.push(...questionnaire.problems);
  if (!parsed.success || problems.length > 0 || !plan?.ok || !slug || !questionnaire.plan) return refuse('invalid', problems);

  const { name, isDefault, progressMessages } = parsed.data;
  const measureId = questionnaire.plan.measures[0] ?? '';
  const programme: Programme = {
    id: randomUUID(), slug, name, measureId, ...(questionnaire.several ? { questionnaire: questionnaire.plan } : {}),
    plan: plan.plan, isDefault, progressMessages, createdAt: deps.clock.now(),
  };
  if ((await deps.programmes.add(programme)) === 'duplicate-slug') {
    const existing = await deps.programmes.find(slug);
    const clash = existing && existing.name !== name ? ` ("${existing.name}" has the same short name "${slug}")` : '';
    return refuse('duplicate', [`name: a programme called "${existing?.name ?? name}" already exists${clash}; choose another name`]);
  }
  const measures = questionnaire.several ? { measures: questionnaire.plan.measures, measuresAt: questionnaire.plan.at } : {};
  await deps.audit.record({ actor, action: 'programme.add', subject: programme.id, at: programme.createdAt, details: { name, slug, measureId, ...measures, isDefault } });
  // Read back: whether it is the default depends on the programmes already there.
  return { ok: true, value: (await deps.programmes.get(programme.id)) ?? programme };
}

type Fields = Partial<z.output<typeof addProgrammeSchema>>;

function planOf(fields: Fields): ParsedTimepointPlan | undefined {
  const { followUps, window, discharge, reminders } = fields;
  if (followUps === undefined || window === undefined) return undefined;
  if (followUps.length === 0 && discharge === undefined) {
    return { ok: false, problems: ['followUps: give at least one follow-up offset, e.g. 6w, or a discharge follow-up'] };
  }
  return programmePlan({ followUps, window, ...(discharge === undefined ? {} : { discharge }), ...(reminders === undefined ? {} : { reminders }) });
}

function given(input: unknown, key: string): boolean {
  return typeof input === 'object' && input !== null && (input as Record<string, unknown>)[key] !== undefined;
}

/** The fields that are valid on their own, from input that failed the schema as a whole. */
function validFields(input: unknown): Fields {
  if (typeof input !== 'object' || input === null) return {};
  const raw = input as Record<string, unknown>;
  const entries = Object.entries(addProgrammeSchema.shape).flatMap(([key, schema]) => {
    const result = (schema as z.ZodType).safeParse(raw[key]);
    return result.success ? [[key, result.data]] : [];
  });
  return Object.fromEntries(entries) as Fields;
}

/**
 * The questionnaire plan from `measureId` (one measure, as before) or `measures` and `measuresAt`,
 * checked against the loaded measures and, once the timepoints are known, their ids. `several` when
 * the plan is more than one measure everywhere (only then is it stored beside measureId).
 * `required`: say that no measure was given (not when one was, in a shape already reported).
 */
export function questionnaireOfInput(
  catalogue: MeasureCatalogue,
  fields: { measureId?: string; measures?: string[]; measuresAt?: Record<string, string[]> },
  timepoints: TimepointPlan | undefined,
  required: boolean,
): { plan?: QuestionnairePlan; several: boolean; problems: string[] } {
  const { measureId, measures, measuresAt } = fields;
  if (measureId !== undefined && measures !== undefined) {
    return { several: false, problems: ['measures: give either measureId (one measure) or measures (a list), not both'] };
  }
  const list = measures ?? (measureId === undefined ? undefined : [measureId]);
  if (list === undefined) return { several: false, problems: required ? ['measureId: is required (a measure id such as "phq9")'] : [] };
  const ids = timepoints ? ['baseline', ...timepoints.followUps.map((f) => f.id), ...(timepoints.discharge ? ['discharge'] : [])] : undefined;
  const parsed = parseQuestionnairePlan({ measures: list, ...(measuresAt ? { at: measuresAt } : {}) }, catalogue, ids ?? Object.keys(measuresAt ?? {}));
  // With one measure given as measureId, its problems are said against measureId, as they always were.
  const problems = parsed.ok ? [] : parsed.problems.map((problem) => (measures === undefined ? problem.replace(/^measures:/, 'measureId:') : problem));
  const several = list.length > 1 || Object.keys(measuresAt ?? {}).length > 0;
  return parsed.ok ? { plan: parsed.plan, several, problems } : { several, problems };
}

const measureList = z
  .array(z.string({ error: 'must be measure ids such as "ons4"' }).trim().min(1, 'must not be empty'), { error: 'must be a list of measure ids, e.g. ["ons4", "coping-and-support"]' })
  .max(10, 'at most 10 measures at one timepoint');

const durationText = z
  .string({ error: 'must be text such as "7d" or "6w"' })
  .min(1, 'must not be empty; write e.g. "6w" or "10d"')
  .max(20, 'must be 20 characters or fewer');

const addProgrammeSchema = z.strictObject(
  {
    name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(60, 'must be 60 characters or fewer'),
    measureId: z.string({ error: 'is required (a measure id such as "phq9")' }).trim().min(1, 'is required (a measure id such as "phq9")').optional(),
    measures: measureList.optional(),
    // Per timepoint ('baseline', a follow-up such as '6w', 'discharge'): its own list instead of `measures`.
    measuresAt: z.record(z.string(), measureList, { error: 'must be an object of timepoint to measure ids, e.g. {"discharge": ["ons4", "satisfaction"]}' }).optional(),
    followUps: z.array(durationText, { error: 'is required: a list of offsets such as ["6w", "12w"]' }).max(20, 'at most 20 follow-ups'),
    window: durationText.default('7d'),
    discharge: durationText.optional(),
    reminders: z.array(z.number({ error: 'must be whole numbers of days, e.g. [2, 5]' }), { error: 'must be a list of days, e.g. [2, 5]' }).max(10, 'at most 10 reminders').optional(),
    isDefault: z.boolean({ error: 'must be true or false' }).default(false),
    progressMessages: z.boolean({ error: 'must be true or false' }).default(false),
  },
  { error: 'expected a JSON object such as {"name": "Wellbeing", "measureId": "phq9", "followUps": ["6w", "12w"]}' },
);
