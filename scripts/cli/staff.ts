import { Command, Option } from 'commander';
import { addStaff } from '../../src/app/admin/add-staff.js';
import { listStaff } from '../../src/app/admin/list-staff.js';
import { removeStaff } from '../../src/app/admin/remove-staff.js';
import { adminCliIo, printResult, table, type AdminCliIo } from './admin-cli-io.js';

const actor = 'cli';

/** `staff add | list | remove`: who may text the bot, and in which role and team. */
export function staffCommand(io: AdminCliIo = adminCliIo()): Command {
  const command = new Command('staff').description('add, list and remove the staff who may text the bot');
  command
    .command('add')
    .description('add a member of staff (their number is stored encrypted)')
    .requiredOption('--name <name>', 'their name, as colleagues know them')
    .requiredOption('--phone <number>', 'their mobile number, e.g. 07700 900123 or +447700900123')
    .addOption(new Option('--role <role>', 'what they may do').choices(['worker', 'manager', 'admin']).makeOptionMandatory())
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
    .option('--role <role>', 'only this role: worker, manager or admin')
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
    .description('remove a member of staff: their history stays, their number is freed for re-use')
    .option('--json', 'print JSON instead of text')
    .action((reference: string, options: { json?: boolean }) =>
      io.run(async (deps) => {
        const result = await removeStaff(deps, reference, actor, { matchName: true });
        printResult(io, 'staff remove', result, options.json ?? false, (removed) =>
          `removed ${removed.name} (${removed.role}, team ${removed.team}, id ${removed.id}); their number can now be used by someone else`);
      }),
    );
  return command;
}
