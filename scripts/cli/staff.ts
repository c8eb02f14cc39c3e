import { Command, Option } from 'commander';
import { addStaff } from '../../src/app/admin/add-staff.js';
import { listStaff } from '../../src/app/admin/list-staff.js';
import { reassignCaseload, type Reassigned } from '../../src/app/admin/reassign-caseload.js';
import { removeStaff } from '../../src/app/admin/remove-staff.js';
import { adminCliIo, printResult, table, type AdminCliIo } from './admin-cli-io.js';

const actor = 'cli';

/** `staff add | list | remove | reassign`: who may text the bot, in which role and team, and whose caseload is whose. */
export function staffCommand(io: AdminCliIo = adminCliIo()): Command {
  const command = new Command('staff').description('add, list and remove the staff who may text the bot, and move caseloads between workers');
  command
    .command('add')
    .description('add a member of staff (their number is stored encrypted)')
    .requiredOption('--name <name>', 'their name, as colleagues know them')
    .requiredOption('--phone <number>', 'their mobile number, e.g. 07700 900123 or +447700900123')
    .addOption(new Option('--role <role>', 'what they may do').choices(['worker', 'manager', 'admin', 'analyst']).makeOptionMandatory())
    .option('--team <team>', 'their team', 'main')
    .option('--json', 'print JSON instead of text')
    .action((options: { name: string; phone: string; role: string; team: string; json?: boolean }) =>
      io.run(async (deps) => {
        const result = await addStaff(deps, { name: options.name, phone: options.phone, role: options.role, team: options.team }, actor);
        printResult(io, 'staff add', result, options.json ?? false, (member) =>
          `added ${member.name} (${member.role}, team ${member.team}, ${member.phone})\nid ${member.id}`);
      }),
    );
  command
    .command('list')
    .description('current staff, with masked phone numbers')
    .option('--role <role>', 'only this role: worker, manager, admin or analyst')
    .option('--team <team>', 'only this team')
    .option('--json', 'print JSON instead of text')
    .action((options: { role?: string; team?: string; json?: boolean }) =>
      io.run(async (deps) => {
        const result = await listStaff(deps, { ...(options.role === undefined ? {} : { role: options.role }), ...(options.team === undefined ? {} : { team: options.team }) });
        printResult(io, 'staff list', result, options.json ?? false, (members) =>
          members.length === 0
            ? 'no staff yet: add someone with `staff add --name <name> --phone <number> --role worker`'
            : table(['NAME', 'ROLE', 'TEAM', 'PHONE', 'ID'], members.map((m) => [m.name, m.role, m.team, m.phone, m.id])));
      }),
    );
  command
    .command('remove <id-or-name>')
    .description('remove a member of staff: their history stays, their number is freed for re-use; refused while they have people on their caseload, unless --reassign-to')
    .option('--reassign-to <id-or-name>', 'the worker who takes over their caseload (both are told by text)')
    .option('--json', 'print JSON instead of text')
    .action((reference: string, options: { reassignTo?: string; json?: boolean }) =>
      io.run(async (deps) => {
        const result = await removeStaff(deps, reference, actor, { matchName: true, ...(options.reassignTo === undefined ? {} : { reassignTo: options.reassignTo }) });
        printResult(io, 'staff remove', result, options.json ?? false, (removed) =>
          `removed ${removed.name} (${removed.role}, team ${removed.team}, id ${removed.id}); their number can now be used by someone else` +
          (removed.reassigned && removed.reassigned.moved > 0 ? `\n${movedText(removed.reassigned)}` : ''));
      }),
    );
  command
    .command('reassign <from> <to>')
    .description('move a worker\'s live caseload (and what is still to come of it) to another worker; both are told by text. <from> may be the id of a removed member')
    .option('--json', 'print JSON instead of text')
    .action((from: string, to: string, options: { json?: boolean }) =>
      io.run(async (deps) => {
        const result = await reassignCaseload(deps, from, to, actor, { matchName: true });
        printResult(io, 'staff reassign', result, options.json ?? false, (moved) =>
          moved.moved === 0 ? `${moved.from.name} has nobody on their caseload to move` : movedText(moved));
      }),
    );
  return command;
}

function movedText(moved: Reassigned): string {
  const listed = moved.references.length <= 5 ? moved.references.join(', ') : `${moved.references.slice(0, 5).join(', ')} and ${moved.references.length - 5} more`;
  return `moved ${moved.moved} ${moved.moved === 1 ? 'person' : 'people'} (${listed}) from ${moved.from.name} to ${moved.to.name}; ` +
    'the texts telling them go out with the running server\'s next outbox sweep';
}
