import { Command } from 'commander';
import { z } from 'zod';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoCaseStore } from '../../src/adapters/mongo/mongo-case-store.js';
import { createMongoPrivacyStore } from '../../src/adapters/mongo/mongo-privacy-store.js';
import { createMongoTurnLocks } from '../../src/adapters/mongo/mongo-turn-locks.js';
import { runRetention, type RetentionReport } from '../../src/app/privacy/run-retention.js';
import { createLogger } from '../../src/logger.js';
import { adminCliIo, type AdminCliIo } from './admin-cli-io.js';
import { withDatabase } from './with-database.js';

const runOptions = z.object({ dryRun: z.boolean().default(false), json: z.boolean().default(false) });

/** `retention run [--dry-run]`: the daily retention job, now (RETENTION_MESSAGE_DAYS, RETENTION_CLOSED_MONTHS). */
export function retentionCommand(io: Pick<AdminCliIo, 'out' | 'err' | 'fail'> = adminCliIo()): Command {
  const command = new Command('retention').description('retention of message texts, closed enrolments and strangers\' markers');
  command
    .command('run')
    .description('blank message texts older than RETENTION_MESSAGE_DAYS, erase people whose enrolments closed over RETENTION_CLOSED_MONTHS ago, forget strangers\' markers after 2 days')
    .option('--dry-run', 'say what would go, change nothing')
    .option('--json', 'print JSON instead of text')
    .action(async (raw: Record<string, unknown>) => {
      const o = runOptions.parse(raw);
      const report = await withDatabase(({ db, config }) => runRetention(
        { cases: createMongoCaseStore(db), privacy: createMongoPrivacyStore(db), locks: createMongoTurnLocks(db), audit: createMongoAuditLog(db), clock: systemClock, logger: createLogger('warn') },
        config.retention, { dryRun: o.dryRun },
      ));
      io.out(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${retentionText(report)}\n`);
    });
  return command;
}

export function retentionText(r: RetentionReport): string {
  const verb = r.dryRun ? 'would be' : 'were';
  return [
    `${r.dryRun ? 'Dry run: nothing changed. ' : ''}Retention at ${r.at.toISOString()}`,
    `message texts from before ${r.messages.before.toISOString()}: ${r.messages.blanked} ${verb} blanked, and ${r.messages.turns} finished turns dropped from numbers' records`,
    `people whose enrolments closed before ${r.closedEnrolments.before.toISOString()}: ${r.closedEnrolments.erased.length} ${verb} erased${r.closedEnrolments.erased.length ? ` (${r.closedEnrolments.erased.join(', ')})` : ''}`,
    ...(r.closedEnrolments.busy.length ? [`busy, left for the next run: ${r.closedEnrolments.busy.join(', ')}`] : []),
    `strangers' reply markers from before ${r.strangerMarkers.before.toISOString()}: ${r.strangerMarkers.deleted} ${verb} deleted`,
  ].join('\n');
}
