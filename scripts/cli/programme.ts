import { Command, InvalidArgumentError } from 'commander';
import { addProgramme } from '../../src/app/admin/add-programme.js';
import { listProgrammes } from '../../src/app/admin/list-programmes.js';
import type { Programme } from '../../src/app/ports/programme-catalogue.js';
import { defaultReminderDays, type TimepointPlan } from '../../src/domain/schedule/timepoint-plan.js';
import { adminCliIo, printResult, table, type AdminCliIo } from './admin-cli-io.js';

const actor = 'cli';

interface AddOptions {
  name: string;
  measure: string;
  followups: string;
  window?: string;
  discharge?: string;
  reminders?: string;
  default?: boolean;
  progressMessages?: boolean;
  json?: boolean;
}

/** `programme add | list`: a measure with its follow-up plan, one of them the default for ENROL. */
export function programmeCommand(io: AdminCliIo = adminCliIo()): Command {
  const command = new Command('programme').description('add and list programmes (a measure and when to ask it again)');
  command
    .command('add')
    .description('add a programme; the first one added is the default')
    .requiredOption('--name <name>', 'its name; workers type its short form after ENROL', once('--name'))
    .requiredOption('--measure <id>', 'the measure to ask, e.g. phq9 (see `measures list`)',
      once('--measure', 'a programme has one measure for now, so give it once'))
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
          measureId: options.measure,
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
    .command('list')
    .description('every programme; * marks the default')
    .option('--json', 'print JSON instead of text')
    .action((options: { json?: boolean }) =>
      io.run(async (deps) => {
        const programmes = await listProgrammes(deps);
        printResult(io, 'programme list', { ok: true, value: programmes }, options.json ?? false, (all) =>
          all.length === 0
            ? 'no programmes yet: add one with `programme add --name <name> --measure <id> --followups 6w,12w`'
            : table(['', 'NAME', 'SLUG', 'MEASURE', 'FOLLOW-UPS', 'ID'], all.map((p) => [p.isDefault ? '*' : '', p.name, p.slug, p.measureId, followUpSummary(p), p.id])));
      }),
    );
  return command;
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
    `programme "${programme.name}" (type ${programme.slug} after ENROL), measure ${programme.measureId}`,
    `follow-ups: ${followUpSummary(programme)}`,
    reminderSummary(programme.plan, defaultReminders),
    ...(flags.length > 0 ? [flags.join(', ')] : []),
  ].join('\n');
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
