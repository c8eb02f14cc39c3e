import type { StaffCredentials } from '../../src/app/ports/staff-credentials.js';
import { createMongoStaffCredentials } from '../../src/adapters/mongo/mongo-staff-credentials.js';
import { createMongoContactBook } from '../../src/adapters/mongo/mongo-contact-book.js';
import { createMongoTurnLocks } from '../../src/adapters/mongo/mongo-turn-locks.js';
import type { ContactBook } from '../../src/app/ports/contact-book.js';
import type { TurnLocks } from '../../src/app/ports/turn-locks.js';
import { createPhoneProtector } from '../../src/adapters/crypto/phone-protector.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { ensureIndexes } from '../../src/adapters/mongo/ensure-indexes.js';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoCaseStore } from '../../src/adapters/mongo/mongo-case-store.js';
import { createMongoMessageLog } from '../../src/adapters/mongo/mongo-message-log.js';
import { createMongoProgrammeCatalogue } from '../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoStaffDirectory } from '../../src/adapters/mongo/mongo-staff-directory.js';
import type { AdminResult } from '../../src/app/admin/admin-result.js';
import type { OutgoingText } from '../../src/app/cases/case-deps.js';
import type { AuditLog } from '../../src/app/ports/audit-log.js';
import type { CaseStore } from '../../src/app/ports/case-store.js';
import type { ProgrammeCatalogue } from '../../src/app/ports/programme-catalogue.js';
import type { StaffDirectory } from '../../src/app/ports/staff-directory.js';
import type { Clock } from '../../src/app/ports/clock.js';
import type { PhoneProtector } from '../../src/app/ports/phone-protector.js';
import { loadMeasures, type MeasureCatalogue } from '../../src/domain/measures/load-measures.js';
import { outboxSender } from './outbox-sender.js';
import { withDatabase } from './with-database.js';

/** The ports the staff and programme commands use; measures load only when a command needs them. */
export interface AdminCliDeps {
  staff: StaffDirectory;
  programmes: ProgrammeCatalogue;
  audit: AuditLog;
  credentials: StaffCredentials;
  phones: PhoneProtector;
  clock: Clock;
  measures: () => MeasureCatalogue;
  /** For moving a caseload (staff remove --reassign-to, staff reassign). */
  cases: CaseStore;
  /** Texts to staff, recorded in the outbox for the running server to send (outboxSender). */
  send(message: OutgoingText): Promise<string>;
  contacts: ContactBook;
  locks: TurnLocks;
  /** For counting the texts `programme show` describes; "your organisation" when absent. */
  orgName?: string;
}

/** Where the staff and programme commands get their ports and put their output; tests pass their own. */
export interface AdminCliIo {
  run<T>(work: (deps: AdminCliDeps) => Promise<T>): Promise<T>;
  out(text: string): void;
  err(text: string): void;
  fail(): void;
}

/** The server's config and database. Indexes first: the unique ones are what refuse duplicates. */
export function adminCliIo(): AdminCliIo {
  return {
    run: (work) =>
      withDatabase(async ({ db, config }) => {
        await ensureIndexes(db);
        return work({
          staff: createMongoStaffDirectory(db),
          programmes: createMongoProgrammeCatalogue(db),
          audit: createMongoAuditLog(db),
          credentials: createMongoStaffCredentials(db),
          phones: createPhoneProtector(config.encryptionKey),
          clock: systemClock,
          measures: () => loadMeasures(config.measuresDir ? [config.measuresDir] : []),
          cases: createMongoCaseStore(db),
          send: outboxSender(createMongoMessageLog(db), systemClock),
          contacts: createMongoContactBook(db),
          locks: createMongoTurnLocks(db),
          orgName: config.org.name,
        });
      }),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    fail: () => {
      process.exitCode = 1;
    },
  };
}

/** Prints a result as text (or JSON with --json); a refusal lists its problems on stderr and fails. */
export function printResult<T>(io: Pick<AdminCliIo, 'out' | 'err' | 'fail'>, command: string, result: AdminResult<T>, json: boolean, asText: (value: T) => string): void {
  if (result.ok) {
    io.out(json ? `${JSON.stringify(result.value, null, 2)}\n` : `${asText(result.value)}\n`);
    return;
  }
  io.err(json ? `${JSON.stringify({ error: result.kind, problems: result.problems }, null, 2)}\n` : result.problems.map((problem) => `${command}: ${problem}\n`).join(''));
  io.fail();
}

/** Left-aligned columns with a header row, for lists read in a terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
