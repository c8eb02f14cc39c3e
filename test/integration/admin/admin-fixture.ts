import type { StaffCredentials } from '../../../src/app/ports/staff-credentials.js';
import { createMongoStaffCredentials } from '../../../src/adapters/mongo/mongo-staff-credentials.js';
import { createMongoContactBook } from '../../../src/adapters/mongo/mongo-contact-book.js';
import { createMongoTurnLocks } from '../../../src/adapters/mongo/mongo-turn-locks.js';
import type { ContactBook } from '../../../src/app/ports/contact-book.js';
import type { TurnLocks } from '../../../src/app/ports/turn-locks.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { createPhoneProtector } from '../../../src/adapters/crypto/phone-protector.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import { createMongoAuditLog } from '../../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoCaseStore } from '../../../src/adapters/mongo/mongo-case-store.js';
import { createMongoMessageLog } from '../../../src/adapters/mongo/mongo-message-log.js';
import { createMongoProgrammeCatalogue } from '../../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoStaffDirectory } from '../../../src/adapters/mongo/mongo-staff-directory.js';
import type { OutgoingText } from '../../../src/app/cases/case-deps.js';
import type { AuditLog } from '../../../src/app/ports/audit-log.js';
import type { CaseStore } from '../../../src/app/ports/case-store.js';
import type { ProgrammeCatalogue } from '../../../src/app/ports/programme-catalogue.js';
import type { StaffDirectory } from '../../../src/app/ports/staff-directory.js';
import type { Clock } from '../../../src/app/ports/clock.js';
import type { PhoneProtector } from '../../../src/app/ports/phone-protector.js';
import { loadMeasures, type MeasureCatalogue } from '../../../src/domain/measures/load-measures.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

export interface AdminFixture {
  database: TestDatabase;
  key: Buffer;
  staff: StaffDirectory;
  programmes: ProgrammeCatalogue;
  audit: AuditLog;
  credentials: StaffCredentials;
  phones: PhoneProtector;
  measures: MeasureCatalogue;
  clock: Clock;
  cases: CaseStore;
  contacts: ContactBook;
  locks: TurnLocks;
  /** Records texts in the outbox as due (nothing sends them here); an id recorded twice is kept once. */
  send(message: OutgoingText): Promise<string>;
  /** The texts recorded for a phone number (E.164), oldest first. */
  textsTo(e164: string): Promise<string[]>;
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
  // Distinct instants keep "the oldest programme" well defined however fast the test runs.
  const clock: Clock = { now: () => new Date(start + 1000 * tick++), toReal: (at: Date) => at };
  const phones = createPhoneProtector(key);
  return {
    database,
    key,
    staff: createMongoStaffDirectory(database.db),
    programmes: createMongoProgrammeCatalogue(database.db),
    audit: createMongoAuditLog(database.db),
    credentials: createMongoStaffCredentials(database.db),
    phones,
    measures: loadMeasures(),
    clock,
    cases: createMongoCaseStore(database.db),
    contacts: createMongoContactBook(database.db),
    locks: createMongoTurnLocks(database.db),
    async send(message) {
      const id = message.id ?? randomUUID();
      const { notBefore: _notBefore, ...fields } = message;
      const at = clock.now();
      await createMongoMessageLog(database.db).insertOutbound({ ...fields, id, status: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at });
      return id;
    },
    textsTo: async (e164) =>
      (await database.db.collection<{ phoneHash: string; body: string; createdAt: Date }>('messages').find({ phoneHash: phones.hash(e164) }).sort({ createdAt: 1 }).toArray()).map((m) => m.body),
    auditEntries: async () => (await (await sealedAuditLog(database.db)).find({}).sort({ at: 1 }).toArray()) as never,
  };
}

/** The ways a number could show up in stored or printed text: E.164, national digits, grouped. */
export function phoneForms(e164: string): string[] {
  const national = `0${e164.slice(3)}`;
  return [e164, e164.slice(1), national, `${national.slice(0, 5)} ${national.slice(5)}`];
}
