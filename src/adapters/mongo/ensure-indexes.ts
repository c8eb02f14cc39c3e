import type { CreateIndexesOptions, Db, IndexSpecification } from 'mongodb';

interface IndexSpec {
  collection: string;
  key: IndexSpecification;
  options: CreateIndexesOptions & { name: string };
}

/**
 * Every index the service relies on. Unique indexes carry correctness (FerretDB's findAndModify is
 * not atomic), so they are created before the server accepts traffic. Only plain, unique and
 * compound indexes: TTL and partial indexes do not exist on FerretDB 1.24.
 */
export const indexSpecs: IndexSpec[] = [
  { collection: 'staff', key: { phoneHash: 1 }, options: { name: 'phoneHash_unique', unique: true } },
  { collection: 'serviceUsers', key: { phoneHash: 1 }, options: { name: 'phoneHash_unique', unique: true } },
  { collection: 'serviceUsers', key: { reference: 1 }, options: { name: 'reference_unique', unique: true } },
  { collection: 'serviceUsers', key: { referenceNumber: -1 }, options: { name: 'referenceNumber' } },
  { collection: 'enrolments', key: { workerId: 1, createdAt: 1 }, options: { name: 'worker' } },
  { collection: 'enrolments', key: { serviceUserId: 1, createdAt: 1 }, options: { name: 'serviceUser' } },
  { collection: 'liveEnrolments', key: { enrolmentId: 1 }, options: { name: 'enrolmentId' } },
  { collection: 'assessments', key: { enrolmentId: 1, timepointId: 1 }, options: { name: 'enrolment_timepoint_unique', unique: true } },
  { collection: 'assessments', key: { status: 1, dueAt: 1 }, options: { name: 'status_dueAt' } },
  { collection: 'assessments', key: { closesAt: 1 }, options: { name: 'closesAt' } },
  { collection: 'assessments', key: { completedAt: 1 }, options: { name: 'completedAt' } },
  { collection: 'assessments', key: { workerId: 1, closesAt: 1 }, options: { name: 'worker_closesAt' } },
  { collection: 'assessments', key: { workerId: 1, dueAt: 1 }, options: { name: 'worker_dueAt' } },
  { collection: 'enrolments', key: { createdAt: 1 }, options: { name: 'createdAt' } },
  { collection: 'alerts', key: { openedAt: 1 }, options: { name: 'openedAt' } },
  { collection: 'alerts', key: { serviceUserId: 1, openedAt: 1 }, options: { name: 'serviceUser' } },
  { collection: 'alerts', key: { workerId: 1, openedAt: 1 }, options: { name: 'worker' } },
  // The chain: _id is the sequence number; an entry's recorded id is in it once (mongo-audit-trail.ts).
  { collection: 'auditLog', key: { entryId: 1 }, options: { name: 'entryId_unique', unique: true } },
  { collection: 'auditLog', key: { at: 1 }, options: { name: 'at' } },
  { collection: 'auditLog', key: { subject: 1, at: 1 }, options: { name: 'subject_at' } },
  // Programme names are unique through their slug, the word a worker types after ENROL.
  { collection: 'programmes', key: { slug: 1 }, options: { name: 'slug_unique', unique: true } },
  // Inbound messages are unique by _id (the MessageSid). Outbound SIDs are not unique-indexed:
  // pending messages have none yet, and FerretDB has no partial indexes to exempt them.
  { collection: 'messages', key: { direction: 1, phoneHash: 1, status: 1, receivedAt: 1 }, options: { name: 'inbox' } },
  { collection: 'messages', key: { direction: 1, status: 1, nextAttemptAt: 1 }, options: { name: 'outbox' } },
  { collection: 'messages', key: { providerSid: 1 }, options: { name: 'providerSid' } },
  { collection: 'messageEvents', key: { messageId: 1, source: 1 }, options: { name: 'messageId_source' } },
  { collection: 'messageArchive', key: { phoneHash: 1, realAt: 1 }, options: { name: 'phoneHash_realAt' } },
  { collection: 'messageArchive', key: { providerSid: 1 }, options: { name: 'providerSid' } },
  // Due work: swept by instant; the versions of one action and subject compared by key; claims by item.
  { collection: 'dueItems', key: { dueAt: 1 }, options: { name: 'dueAt' } },
  { collection: 'dueItems', key: { key: 1 }, options: { name: 'key' } },
  { collection: 'dueClaims', key: { item: 1 }, options: { name: 'item' } },
];

/** Creates the indexes (idempotent: MongoDB ignores an identical existing index). Returns their names. */
export async function ensureIndexes(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const spec of indexSpecs) {
    await db.collection(spec.collection).createIndex(spec.key, spec.options);
    created.push(`${spec.collection}.${spec.options.name}`);
  }
  return created;
}
