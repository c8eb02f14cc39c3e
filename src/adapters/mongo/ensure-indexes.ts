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
  { collection: 'auditLog', key: { at: 1 }, options: { name: 'at' } },
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
