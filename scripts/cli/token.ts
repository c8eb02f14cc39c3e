import { Command } from 'commander';
import { createMongoApiTokens } from '../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoStaffDirectory } from '../../src/adapters/mongo/mongo-staff-directory.js';
import { withDatabase } from './with-database.js';

/** `token issue <staff id or name>`: an API token for one member of staff, shown once. */
export function tokenCommand(): Command {
  const command = new Command('token').description('API tokens for staff (for POST /api/enrolments and GET /api/service-users)');
  command
    .command('issue <staff>')
    .description('issue a token for a member of staff (by id or exact name); it is shown once and stored only as a hash')
    .option('--json', 'print JSON instead of text')
    .action((who: string, options: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const staff = createMongoStaffDirectory(db);
        const byId = await staff.get(who);
        const byName = byId ? [byId] : (await staff.list()).filter((m) => m.name.toLowerCase() === who.toLowerCase());
        if (byName.length !== 1) throw new Error(byName.length === 0 ? `no current member of staff "${who}"` : `"${who}" matches ${byName.length} people: use their id`);
        const member = byName[0]!;
        const token = await createMongoApiTokens(db).issue(member.id, new Date());
        process.stdout.write(options.json
          ? `${JSON.stringify({ staffId: member.id, name: member.name, role: member.role, token }, null, 2)}\n`
          : `token for ${member.name} (${member.role}); keep it secret, it is not shown again:\n${token}\n`);
      }),
    );
  return command;
}
