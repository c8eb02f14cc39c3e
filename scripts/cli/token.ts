import { Command } from 'commander';
import type { Db } from 'mongodb';
import { createMongoApiTokens, tokenId } from '../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoStaffDirectory } from '../../src/adapters/mongo/mongo-staff-directory.js';
import { defaultTokenDays, type ApiTokenInfo } from '../../src/app/ports/api-tokens.js';
import { withDatabase } from './with-database.js';

/** `token issue|list|revoke`: API tokens for staff. Issuing and revoking are audit entries (actor "cli"). */
export function tokenCommand(): Command {
  const command = new Command('token').description('API tokens for staff (for POST /api/enrolments and GET /api/service-users)');
  command
    .command('issue <staff>')
    .description('issue a token for a member of staff (by id or exact name); it is shown once and stored only as a hash')
    .option('--days <n>', `how many days it lasts (1-3650)`, String(defaultTokenDays))
    .option('--json', 'print JSON instead of text')
    .action((who: string, options: { json?: boolean; days: string }) =>
      withDatabase(async ({ db }) => {
        const days = Number(options.days);
        if (!/^\d+$/.test(options.days) || days < 1 || days > 3650) throw new Error(`--days: a whole number of days from 1 to 3650, not "${options.days}"`);
        const staff = createMongoStaffDirectory(db);
        const byId = await staff.get(who);
        const byName = byId ? [byId] : (await staff.list()).filter((m) => m.name.toLowerCase() === who.toLowerCase());
        if (byName.length !== 1) throw new Error(byName.length === 0 ? `no current member of staff "${who}"` : `"${who}" matches ${byName.length} people: use their id`);
        const member = byName[0]!;
        const tokens = createMongoApiTokens(db);
        const now = new Date();
        const token = await tokens.issue(member.id, now, { days });
        const id = tokenId(token).slice(0, 12);
        await createMongoAuditLog(db).record({ actor: 'cli', action: 'token.issue', subject: member.id, at: now, details: { token: id, days } });
        const expiresAt = new Date(now.getTime() + days * 86_400_000);
        process.stdout.write(options.json
          ? `${JSON.stringify({ staffId: member.id, name: member.name, role: member.role, token, id: id, expiresAt }, null, 2)}\n`
          : `token for ${member.name} (${member.role}), id ${id}, expires ${expiresAt.toISOString().slice(0, 10)}; keep it secret, it is not shown again:\n${token}\n`);
      }),
    );
  command
    .command('list')
    .description('every token: id (the first 12 characters of its hash), staff name, role, issued, expires, last used, revoked')
    .option('--json', 'print JSON instead of text')
    .action((options: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const rows = await listed(db);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');
        const table = [['ID', 'STAFF', 'ROLE', 'ISSUED', 'EXPIRES', 'LAST USED', 'REVOKED'], ...rows.map((row) => [row.id, row.name, row.role, day(row.issuedAt), day(row.expiresAt), day(row.lastUsedAt), day(row.revokedAt)])];
        const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
        process.stdout.write(rows.length === 0 ? 'no tokens\n' : `${table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')}\n`);
      }),
    );
  command
    .command('revoke <id>')
    .description('revoke a token by its id as token list shows it (or its whole hash); requests with it then get 401')
    .option('--json', 'print JSON instead of text')
    .action((id: string, options: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const now = new Date();
        const result = await createMongoApiTokens(db).revoke(id, now);
        if (!result.ok) throw new Error(result.problem);
        if (!result.already) await createMongoAuditLog(db).record({ actor: 'cli', action: 'token.revoke', subject: result.token.staffId, at: now, details: { token: result.token.id.slice(0, 12) } });
        const shown = result.token.id.slice(0, 12);
        process.stdout.write(options.json
          ? `${JSON.stringify({ id: shown, staffId: result.token.staffId, revokedAt: result.token.revokedAt, already: result.already }, null, 2)}\n`
          : result.already ? `token ${shown} was already revoked\n` : `revoked token ${shown}\n`);
      }),
    );
  return command;
}

/** The tokens with their staff member's name and role (removed staff included: their tokens stay listed, revoked). */
async function listed(db: Db): Promise<Array<Omit<ApiTokenInfo, 'id'> & { id: string; name: string; role: string }>> {
  const tokens = await createMongoApiTokens(db).list();
  const staff = new Map((await db.collection<{ _id: string; name: string; role: string }>('staff').find({}, { projection: { name: 1, role: 1 } }).toArray()).map((doc) => [doc._id, doc]));
  return tokens.map((token) => ({ ...token, id: token.id.slice(0, 12), name: staff.get(token.staffId)?.name ?? '(unknown)', role: staff.get(token.staffId)?.role ?? '-' }));
}
