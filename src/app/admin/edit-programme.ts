import { z } from 'zod';
import { describeInputIssues, refuse, type AdminResult } from './admin-result.js';
import { questionnaireOfInput, type AddProgrammeDeps } from './add-programme.js';
import { findProgramme } from './find-programme.js';
import { programmePlan } from './programme-plan.js';
import { questionnaireOf } from '../cases/programme-for.js';
import type { Programme, ProgrammePlanVersion } from '../ports/programme-catalogue.js';

export type EditProgrammeInput = z.input<typeof editProgrammeSchema>;

/**
 * Changes a programme for the people enrolled from now on: measures (one or a list, per-timepoint
 * lists), follow-ups, window and reminders make a new plan version; live enrolments keep the
 * version they started on (every version stays on the programme). A field left out keeps its
 * value. Every problem is listed, as when adding; a measure that cannot be used refuses the edit.
 * Two edits at once: one wins, the other is refused as a conflict. Audited.
 */
export async function editProgramme(deps: AddProgrammeDeps, reference: string, input: unknown, actor: string): Promise<AdminResult<Programme>> {
  const found = await findProgramme(deps.programmes, reference);
  if (!found.ok) return found;
  const current = found.value;
  if (current.retiredAt) return refuse('invalid', [`${current.name} is retired; add a new programme instead`]);
  const parsed = editProgrammeSchema.safeParse(input);
  if (!parsed.success) return refuse('invalid', describeInputIssues(parsed.error.issues));
  const change = parsed.data;
  const planFields = (['measureId', 'measures', 'measuresAt', 'followUps', 'window', 'discharge', 'reminders'] as const).filter((key) => change[key] !== undefined);
  if (planFields.length === 0 && change.isDefault === undefined && change.progressMessages === undefined) {
    return refuse('invalid', ['nothing to change: give measures, measuresAt, followUps, window, discharge, reminders, isDefault or progressMessages']);
  }

  const { plan } = current;
  const window = change.window ?? `${plan.followUps[0]?.windowAfterDays ?? plan.discharge?.windowAfterDays ?? 7}d`;
  const timepoints = programmePlan({
    followUps: change.followUps ?? plan.followUps.map((f) => `${f.offsetDays}d`),
    window,
    ...(change.discharge ?? plan.discharge ? { discharge: change.discharge ?? `${plan.discharge?.offsetDays ?? 0}d` } : {}),
    // Reminders stay as they were unless given, or the window changes (then the usual days are fitted again).
    ...(change.reminders ? { reminders: change.reminders } : change.window === undefined ? { reminders: plan.reminders.afterDays } : {}),
  });
  const problems = timepoints.ok ? [] : [...timepoints.problems];
  const was = questionnaireOf(current);
  const measuresGiven = change.measureId !== undefined || change.measures !== undefined;
  const questionnaire = questionnaireOfInput(deps.measures, {
    ...(measuresGiven ? { ...(change.measureId === undefined ? {} : { measureId: change.measureId }), ...(change.measures === undefined ? {} : { measures: change.measures }) } : { measures: [...was.measures] }),
    measuresAt: change.measuresAt ?? Object.fromEntries(Object.entries(was.at).map(([id, ids]) => [id, [...ids]])),
  }, timepoints.ok ? timepoints.plan : undefined, true);
  problems.push(...questionnaire.problems);
  if (problems.length > 0 || !timepoints.ok || !questionnaire.plan) return refuse('invalid', problems);

  const version = (current.planVersion ?? 1) + (planFields.length > 0 ? 1 : 0);
  const now = deps.clock.now();
  const next: Programme = {
    ...current,
    measureId: questionnaire.plan.measures[0] ?? current.measureId,
    questionnaire: questionnaire.plan,
    plan: timepoints.plan,
    planVersion: version,
    planVersions: planFields.length > 0 ? [...versionsOf(current), versionOf({ ...current, questionnaire: questionnaire.plan, plan: timepoints.plan }, version, now)] : versionsOf(current),
    ...(change.isDefault ? { isDefault: true } : {}),
    ...(change.progressMessages === undefined ? {} : { progressMessages: change.progressMessages }),
  };
  if ((await deps.programmes.update(next, current.planVersion ?? 1)) === 'conflict') {
    return refuse('conflict', [`${current.name} was changed by someone else while this edit was made; look at it again and repeat the edit`]);
  }
  await deps.audit.record({
    actor, action: 'programme.edit', subject: current.id, at: now,
    details: { name: current.name, planVersion: version, changed: [...planFields, ...(change.isDefault ? ['isDefault'] : []), ...(change.progressMessages === undefined ? [] : ['progressMessages'])] },
  });
  return { ok: true, value: (await deps.programmes.get(current.id, version)) ?? next };
}

/** The versions so far; a programme from before versions holds its first one in its own fields. */
function versionsOf(programme: Programme): ProgrammePlanVersion[] {
  return programme.planVersions ?? [versionOf(programme, programme.planVersion ?? 1, programme.createdAt)];
}

function versionOf(programme: Programme, version: number, at: Date): ProgrammePlanVersion {
  const questionnaire = questionnaireOf(programme);
  return { version, measureId: questionnaire.measures[0] ?? programme.measureId, questionnaire, plan: programme.plan, at };
}

const durationText = z.string({ error: 'must be text such as "7d" or "6w"' }).min(1, 'must not be empty; write e.g. "6w" or "10d"').max(20, 'must be 20 characters or fewer');
const measureList = z
  .array(z.string({ error: 'must be measure ids such as "ons4"' }).trim().min(1, 'must not be empty'), { error: 'must be a list of measure ids, e.g. ["ons4", "coping-and-support"]' })
  .max(10, 'at most 10 measures at one timepoint');

const editProgrammeSchema = z.strictObject(
  {
    measureId: z.string({ error: 'must be a measure id such as "phq9"' }).trim().min(1, 'must be a measure id such as "phq9"').optional(),
    measures: measureList.optional(),
    measuresAt: z.record(z.string(), measureList, { error: 'must be an object of timepoint to measure ids, e.g. {"discharge": ["ons4", "satisfaction"]}' }).optional(),
    followUps: z.array(durationText, { error: 'must be a list of offsets such as ["6w", "12w"]' }).max(20, 'at most 20 follow-ups').optional(),
    window: durationText.optional(),
    discharge: durationText.optional(),
    reminders: z.array(z.number({ error: 'must be whole numbers of days, e.g. [2, 5]' }), { error: 'must be a list of days, e.g. [2, 5]' }).max(10, 'at most 10 reminders').optional(),
    isDefault: z.literal(true, { error: 'can only be true: make another programme the default to change it' }).optional(),
    progressMessages: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'expected a JSON object such as {"measures": ["ons4", "coping-and-support"], "measuresAt": {"discharge": ["ons4"]}}' },
);
