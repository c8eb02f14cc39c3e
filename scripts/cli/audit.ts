import { Command } from 'commander';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoAuditTrail } from '../../src/adapters/mongo/mongo-audit-trail.js';
import type { SealedAuditEntry } from '../../src/domain/audit/audit-chain.js';
import { auditQuery } from '../../src/http/audit-api.js';
import { withDatabase } from './with-database.js';

/** `audit verify` and `audit list`: the audit chain (sealed first, so the newest entries are in it). */
export function auditCommand(): Command {
  const command = new Command('audit').description('the audit log: who did or saw what, as an append-only hash chain');
  command
    .command('verify')
    .description('walk the chain from the first entry; report the first broken link (exit 1) or "chain intact: N entries"')
    .option('--json', 'print JSON instead of text')
    .action((options: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const result = await createMongoAuditTrail(db).verify();
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.intact) process.stdout.write(`chain intact: ${result.entries} entries\n`);
        else process.stdout.write(`chain broken at entry ${result.broken.seq} (id ${result.broken.entryId}): ${result.broken.problem}; ${result.entries} entries before it hold\n`);
        if (!result.intact) process.exitCode = 1;
      }),
    );
  command
    .command('list')
    .description('entries in chain order, filtered')
    .option('--from <instant>', 'from this date or instant (YYYY-MM-DD or ISO 8601, UTC unless an offset is given), included')
    .option('--to <instant>', 'up to this date or instant, excluded')
    .option('--actor <id>', 'one actor (a staff id, "admin-api", "scheduler", "service-user"...)')
    .option('--subject <id>', 'one subject (a reference such as SU-0042, an enrolment or staff id)')
    .option('--after <seq>', 'entries after this sequence number (the next page)')
    .option('--limit <n>', 'at most this many entries (1-500)', '100')
    .option('--json', 'print JSON instead of text')
    .action(({ json, ...raw }: Record<string, string | undefined> & { json?: boolean }) => {
      const parsed = auditQuery.safeParse(raw);
      if (!parsed.success) throw new Error(`audit list: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const { after, limit, ...filter } = parsed.data;
      return withDatabase(async ({ db }) => {
        const entries = await createMongoAuditTrail(db).list({ ...filter, ...(after === undefined ? {} : { afterSeq: after }), limit });
        // Reading the log is itself an entry, as on GET /api/audit.
        await createMongoAuditLog(db).record({ actor: 'cli', action: 'audit.list', at: new Date(), details: { returned: entries.length } });
        process.stdout.write(json ? `${JSON.stringify(entries, null, 2)}\n` : entries.length === 0 ? 'no entries\n' : `${entries.map(line).join('\n')}\n`);
      });
    });
  return command;
}

function line(entry: SealedAuditEntry): string {
  const details = entry.details ? ` ${JSON.stringify(entry.details)}` : '';
  return `${entry.seq}\t${entry.at.toISOString()}\t${entry.actor}\t${entry.action}\t${entry.subject ?? '-'}${details}`;
}
