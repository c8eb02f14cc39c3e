import { randomBytes } from 'node:crypto';
import { createPhoneProtector } from '../../../src/adapters/crypto/phone-protector.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import { createMongoAuditLog } from '../../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoProgrammeCatalogue } from '../../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoStaffDirectory } from '../../../src/adapters/mongo/mongo-staff-directory.js';
import type { AuditLog } from '../../../src/app/ports/audit-log.js';
import type { ProgrammeCatalogue } from '../../../src/app/ports/programme-catalogue.js';
import type { StaffDirectory } from '../../../src/app/ports/staff-directory.js';
import type { Clock } from '../../../src/app/ports/clock.js';
import type { PhoneProtector } from '../../../src/app/ports/phone-protector.js';
import { loadMeasures, type MeasureCatalogue } from '../../../src/domain/measures/load-measures.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

export interface AdminFixture {
  database: TestDatabase;
  key: Buffer;
  staff: StaffDirectory;
  programmes: ProgrammeCatalogue;
  audit: AuditLog;
  phones: PhoneProtector;
  measures: MeasureCatalogue;
  clock: Clock;
  /** Every audit entry, oldest first. */
  auditEntries(): Promise<Array<{ actor: string; action: string; subject?: string; details?: Record<string, unknown> }>>;
}

/** The admin ports on a fresh database with its indexes, and a clock that moves a second per reading. */
export async function openAdminFixture(): Promise<AdminFixture> {
  const database = await openTestDatabase();
  await ensureIndexes(database.db);
  const key = randomBytes(32);
  let tick = 0;
  const start = Date.parse('2025-03-03T09:00:00Z');
  return {
    database,
    key,
    staff: createMongoStaffDirectory(database.db),
    programmes: createMongoProgrammeCatalogue(database.db),
    audit: createMongoAuditLog(database.db),
    phones: createPhoneProtector(key),
    measures: loadMeasures(),
    // Distinct instants keep "the oldest programme" well defined however fast the test runs.
    clock: { now: () => new Date(start + 1000 * tick++), toReal: (at: Date) => at },
    auditEntries: async () => (await database.db.collection('auditLog').find({}).sort({ at: 1 }).toArray()) as never,
  };
}

/** The ways a number could show up in stored or printed text: E.164, national digits, grouped. */
export function phoneForms(e164: string): string[] {
  const national = `0${e164.slice(3)}`;
  return [e164, e164.slice(1), national, `${national.slice(0, 5)} ${national.slice(5)}`];
}
