import { Command, InvalidArgumentError } from 'commander';
import { addProgramme } from '../../src/app/admin/add-programme.js';
import { editProgramme } from '../../src/app/admin/edit-programme.js';
import { findProgramme } from '../../src/app/admin/find-programme.js';
import { listProgrammes } from '../../src/app/admin/list-programmes.js';
import { programmeBurden, type TimepointBurden } from '../../src/app/admin/programme-burden.js';
import { retireProgramme } from '../../src/app/admin/retire-programme.js';
import { questionnaireOf } from '../../src/app/cases/programme-for.js';
import type { Programme } from '../../src/app/ports/programme-catalogue.js';
import { defaultReminderDays, type TimepointPlan } from '../../src/domain/schedule/timepoint-plan.js';
import { adminCliIo, printResult, table, type AdminCliIo } from './admin-cli-io.js';

const actor = 'cli';

interface PlanOptions {
  measure?: string;
  measures?: string;
  measuresAt?: string[];
  followups?: string;
  window?: string;
  discharge?: string;
  reminders?: string;
  default?: boolean;
  progressMessages?: boolean;
  json?: boolean;
}

interface AddOptions extends PlanOptions {
  name: string;
  followups: string;
}

/** `programme add | edit | retire | show | list`: measures with their follow-up plan, one programme the default for ENROL. */
export function programmeCommand(io: AdminCliIo = adminCliIo()): Command {
  const command = new Command('programme').description('add, edit, retire, show and list programmes (measures and when to ask them again)');
  command
    .command('add')
    .description('add a programme; the first one added is the default')
    .requiredOption('--name <name>', 'its name; workers type its short form after ENROL', once('--name'))
    .option('--measure <id>', 'the one measure to ask, e.g. phq9 (see `measures list`)',
      once('--measure', 'for several measures, list them once with --measures, e.g. --measures phq9,gad7'))
    .option('--measures <ids>', 'the measures to ask at every timepoint, in order, comma-separated, e.g. ons4,coping-and-support',
      once('--measures', 'list them all in one, e.g. ons4,coping-and-support'))
    .option('--measures-at <timepoint=ids>', 'a timepoint with its own measures, e.g. discharge=ons4,satisfaction (repeat for more timepoints)', collect, [])
    .requiredOption('--followups <offsets>', 'follow-ups after the baseline, comma-separated, e.g. 6w,12w', once('--followups', 'list them all in one, e.g. 6w,12w'))
    // No commander default: it would reach once() as the "first" value.
    .option('--window <duration>', 'how many days either side of a due day a follow-up may be answered (default 7d)', once('--window'))
    .option('--discharge <offset>', 'also ask at discharge, this long after it, e.g. 0d or 2w', once('--discharge'))
    .option('--reminders <days>', 'days after a follow-up opens to chase it, e.g. 2,5, or none (default 2,5, or those of them within the window)',
      once('--reminders', 'list them all in one, e.g. 2,5'))
    .option('--default', 'make it the default programme (ENROL without a programme name)')
    .option('--progress-messages', 'tell service-users how their score changed after a follow-up')
    .option('--json', 'print JSON instead of text')
    .action((options: AddOptions) =>
      io.run(async (deps) => {
        const input = {
          name: options.name,
          ...measureInput(options),
          followUps: list(options.followups),
          window: options.window ?? '7d',
          ...(options.discharge === undefined ? {} : { discharge: options.discharge }),
          ...(options.reminders === undefined ? {} : { reminders: reminderDays(options.reminders) }),
          isDefault: options.default ?? false,
          progressMessages: options.progressMessages ?? false,
        };
        const result = await addProgramme({ ...deps, measures: deps.measures() }, input, actor);
        printResult(io, 'programme add', result, options.json ?? false, (programme) =>
          `added ${describe(programme, options.reminders === undefined)}\nid ${programme.id}`);
      }),
    );
  command
    .command('edit <programme>')
    .description('change measures, follow-ups, window or reminders for people enrolled from now on (a new plan version; people already enrolled keep theirs)')
    .option('--measure <id>', 'ask this one measure instead', once('--measure', 'for several measures, list them once with --measures'))
    .option('--measures <ids>', 'ask these measures at every timepoint, comma-separated', once('--measures', 'list them all in one, e.g. ons4,coping-and-support'))
    .option('--measures-at <timepoint=ids>', 'a timepoint with its own measures, e.g. discharge=ons4,satisfaction (repeat for more)', collect, [])
    .option('--followups <offsets>', 'follow-ups after the baseline, e.g. 6w,12w', once('--followups', 'list them all in one, e.g. 6w,12w'))
    .option('--window <duration>', 'days either side of a due day', once('--window'))
    .option('--discharge <offset>', 'ask at discharge, this long after it', once('--discharge'))
    .option('--reminders <days>', 'days after a follow-up opens to chase it, e.g. 2,5, or none', once('--reminders', 'list them all in one, e.g. 2,5'))
    .option('--default', 'make it the default programme')
    .option('--progress-messages', 'tell service-users how their score changed after a follow-up')
    .option('--json', 'print JSON instead of text')
    .action((reference: string, options: PlanOptions) =>
      io.run(async (deps) => {
        const input = {
          ...measureInput(options),
          ...(options.followups === undefined ? {} : { followUps: list(options.followups) }),
          ...(options.window === undefined ? {} : { window: options.window }),
          ...(options.discharge === undefined ? {} : { discharge: options.discharge }),
          ...(options.reminders === undefined ? {} : { reminders: reminderDays(options.reminders) }),
          ...(options.default ? { isDefault: true } : {}),
          ...(options.progressMessages ? { progressMessages: true } : {}),
        };
        const result = await editProgramme({ ...deps, measures: deps.measures() }, reference, input, actor);
        printResult(io, 'programme edit', result, options.json ?? false, (programme) =>
          `edited ${describe(programme, options.reminders === undefined)}\nplan version ${programme.planVersion ?? 1}: people enrolled from now on; people already enrolled keep theirs`);
      }),
    );
  command
    .command('retire <programme>')
    .description('take no new enrolments on a programme; people already on it carry on')
    .option('--json', 'print JSON instead of text')
    .action((reference: string, options: { json?: boolean }) =>
      io.run(async (deps) => {
        const result = await retireProgramme(deps, reference, actor);
        printResult(io, 'programme retire', result, options.json ?? false, (programme) =>
          `retired programme "${programme.name}": ENROL now refuses it and names the default; people already on it carry on`);
      }),
    );
  command
    .command('show <programme>')
    .description('a programme, and per timepoint how many questions and SMS segments a person receives')
    .option('--json', 'print JSON instead of text')
    .action((reference: string, options: { json?: boolean }) =>
      io.run(async (deps) => {
        const found = await findProgramme(deps.programmes, reference);
        const shown = found.ok ? { ok: true as const, value: { ...found.value, timepoints: programmeBurden(found.value, deps.measures(), deps.orgName ?? 'your organisation') } } : found;
        printResult(io, 'programme show', shown, options.json ?? false, (programme) =>
          [describe(programme, false), `plan version ${programme.planVersion ?? 1}${programme.retiredAt ? `, retired ${programme.retiredAt.toISOString().slice(0, 10)}` : ''}`,
            table(['TIMEPOINT', 'MEASURES', 'QUESTIONS', 'SMS (INVITATION + QUESTIONS + THANKS)'], programme.timepoints.map(burdenRow)),
            ...programme.timepoints.flatMap((t) => (t.warning ? [`warning: ${t.warning}`] : []))].join('\n'));
      }),
    );
  command
    .command('list')
    .description('every programme; * marks the default')
    .option('--json', 'print JSON instead of text')
    .action((options: { json?: boolean }) =>
      io.run(async (deps) => {
        const programmes = await listProgrammes(deps);
        printResult(io, 'programme list', { ok: true, value: programmes }, options.json ?? false, (all) =>
          all.length === 0
            ? 'no programmes yet: add one with `programme add --name <name> --measure <id> --followups 6w,12w`'
            : table(['', 'NAME', 'SLUG', 'MEASURE', 'FOLLOW-UPS', 'ID'], all.map((p) => [p.isDefault ? '*' : p.retiredAt ? 'retired' : '', p.name, p.slug, questionnaireOf(p).measures.join(','), followUpSummary(p), p.id])));
      }),
    );
  return command;
}

/** --measure (one) or --measures and --measures-at (several) as the use case takes them; both given is refused there. */
function measureInput(options: Pick<PlanOptions, 'measure' | 'measures' | 'measuresAt'>): { measureId?: string; measures?: string[]; measuresAt?: Record<string, string[]> } {
  const at = (options.measuresAt ?? []).map((entry) => {
    const [timepoint = '', ids = ''] = entry.split('=', 2);
    return [timepoint.trim(), list(ids)] as const;
  });
  return {
    ...(options.measure === undefined ? {} : { measureId: options.measure }),
    ...(options.measures === undefined ? {} : { measures: list(options.measures) }),
    ...(at.length === 0 ? {} : { measuresAt: Object.fromEntries(at) }),
  };
}

// "discharge" without "=" is a timepoint with no measures, refused with the other problems.
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function burdenRow(t: TimepointBurden): string[] {
  const { invitation, items, thanks, total } = t.segments;
  return [t.timepointId, t.measures.join(', '), `${t.questions}${t.warning ? ' (!)' : ''}`, `${total} (${invitation} + ${items} + ${thanks})`];
}

function list(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** "2,5" as days; "none" as no reminders; "x" as NaN, which the use case refuses with the other problems. */
function reminderDays(text: string): number[] {
  if (text.trim().toLowerCase() === 'none') return [];
  return list(text).map((day) => (/^\d+$/.test(day) ? Number(day) : NaN));
}

/**
 * Commander keeps the last of a repeated option without a word; here a repeat is a mistake (two
 * measures, two windows), so it is refused with what was given.
 */
function once(flag: string, why = 'give it once'): (value: string, previous: string | undefined) => string {
  return (value, previous) => {
    if (previous !== undefined) throw new InvalidArgumentError(`${flag} was given twice ("${previous}", then "${value}"): ${why}.`);
    return value;
  };
}

function describe(programme: Programme, defaultReminders: boolean): string {
  const flags = [programme.isDefault ? 'the default programme' : '', programme.progressMessages ? 'progress messages on' : ''].filter(Boolean);
  return [
    `programme "${programme.name}" (type ${programme.slug} after ENROL), ${measureSummary(programme)}`,
    `follow-ups: ${followUpSummary(programme)}`,
    reminderSummary(programme.plan, defaultReminders),
    ...(flags.length > 0 ? [flags.join(', ')] : []),
  ].join('\n');
}

/** "measure phq9" as before; "measures ons4, coping-and-support; at discharge: ons4, satisfaction" for several. */
function measureSummary(programme: Programme): string {
  const plan = questionnaireOf(programme);
  if (plan.measures.length === 1 && Object.keys(plan.at).length === 0) return `measure ${plan.measures[0] ?? programme.measureId}`;
  const at = Object.entries(plan.at).map(([id, ids]) => `; at ${id}: ${ids.join(', ')}`).join('');
  return `measures ${plan.measures.join(', ')}${at}`;
}

/** Which reminders, and why when they are not the usual ones the administrator left to us. */
function reminderSummary(plan: TimepointPlan, defaultReminders: boolean): string {
  const days = plan.reminders.afterDays;
  const said = days.length === 0 ? 'no reminders' : `reminders on day${days.length === 1 ? '' : 's'} ${days.join(', ')} after a follow-up opens`;
  if (!defaultReminders || days.join() === defaultReminderDays.join()) return said;
  const shortest = Math.min(...plan.followUps.map((f) => f.windowBeforeDays + f.windowAfterDays), ...(plan.discharge ? [plan.discharge.windowAfterDays] : []));
  const closes = shortest === 0 ? 'the day it opens' : `${shortest} day${shortest === 1 ? '' : 's'} after it opens`;
  return `${said} (not the usual days ${defaultReminderDays.join(' and ')}: a window closes ${closes}; choose others with --reminders)`;
}

function followUpSummary(programme: Programme): string {
  const { followUps, discharge } = programme.plan;
  const parts = followUps.map((f) => `${f.id} (day ${f.offsetDays}, -${f.windowBeforeDays}/+${f.windowAfterDays}d)`);
  if (discharge) parts.push(`discharge +${discharge.offsetDays}d (open ${discharge.windowAfterDays}d)`);
  return parts.join(', ') || 'none';
}
