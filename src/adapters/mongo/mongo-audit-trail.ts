import type { Collection, Db, Filter } from 'mongodb';
import { checkLink, linkHash, type SealedAuditEntry } from '../../domain/audit/audit-chain.js';
import type { AuditTrail } from '../../app/ports/audit-trail.js';
import type { AuditInboxDoc } from './mongo-audit-log.js';
import { isDuplicateKey } from './documents.js';

/** A sealed entry: `_id` is its place in the chain; `entryId` (unique) is the id it was recorded with. */
export type AuditLogDoc = Omit<SealedAuditEntry, 'seq'> & { _id: number };

const batchSize = 500;

/**
 * The chain in `auditLog`, written only by inserts. Several processes may seal at once on a
 * server without transactions and with a findAndModify that is not atomic, so the chain's
 * linearity rests on two unique keys: `_id` is the sequence number (an insert of `last + 1` that
 * another sealer took first fails, and this one reads what took the place and tries the next) and
 * `entryId` is unique (an entry already sealed elsewhere fails too, which is how a sealer learns
 * it may drop it). Which key clashed is told by reading the place by `_id`: nothing there means
 * the entry was already sealed. The last entry is read once a batch (by `_id` once this sealer knows
 * it); each insert then takes the place before it from memory, so a batch costs one insert per
 * entry when its sealer is alone, and only `_id` lookups otherwise (FerretDB's SQLite backend
 * indexes nothing else).
 *
 * Entries are sealed in the order (at, id) of each batch: an entry recorded late with an earlier
 * time (a slow process) is placed after those already sealed, so the chain's order is the order
 * of sealing, and `at` is what was recorded. A sealed entry leaves the inbox afterwards; one whose
 * turn is replayed after that lands in the inbox again and is dropped at the next seal, its
 * `entryId` already in the chain.
 *
 * What the chain cannot show: entries removed from the inbox before they were sealed (seconds),
 * and the newest entries cut off the end, leaving a shorter chain that still holds; an export of
 * `audit verify --json` kept elsewhere (its count and last hash) shows the latter.
 */
export function createMongoAuditTrail(db: Db): AuditTrail {
  const inbox = db.collection<AuditInboxDoc>('auditInbox');
  const log = db.collection<AuditLogDoc>('auditLog');
  // The last entry this sealer wrote or read. Others may have sealed since (the inserts then move
  // past their places); only a chain that lost its end (emptied in a test) needs the sort again,
  // which on FerretDB's SQLite backend scans the collection.
  let known: { seq: number; hash: string } | undefined;
  const headOf = async () => {
    if (known && known.seq > 0 && (await log.findOne({ _id: known.seq }, { projection: { _id: 1 } }))) return known;
    return lastLink(log);
  };

  const seal = async (): Promise<number> => {
    let sealed = 0;
    for (;;) {
      const batch = await inbox.find({}).sort({ at: 1, _id: 1 }).limit(batchSize).toArray();
      if (batch.length === 0) return sealed;
      let head = await headOf();
      for (const entry of batch) {
        const placed = await append(log, entry, head);
        head = placed.head;
        if (placed.added) sealed++;
      }
      known = head;
      await inbox.deleteMany({ _id: { $in: batch.map((entry) => entry._id) } });
      if (batch.length < batchSize) return sealed;
    }
  };

  return {
    seal,
    async verify() {
      await seal();
      let previous: SealedAuditEntry | null = null;
      let entries = 0;
      for await (const doc of log.find({}).sort({ _id: 1 })) {
        const entry = entryOf(doc);
        const broken = checkLink(previous, entry);
        if (broken) return { intact: false, entries, broken };
        previous = entry;
        entries++;
      }
      return { intact: true, entries };
    },
    async list(filter) {
      await seal();
      const query: Filter<AuditLogDoc> = {};
      if (filter.from || filter.to) query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
      if (filter.actor !== undefined) query.actor = filter.actor;
      if (filter.subject !== undefined) query.subject = filter.subject;
      if (filter.afterSeq !== undefined) query._id = { $gt: filter.afterSeq };
      return (await log.find(query).sort({ _id: 1 }).limit(filter.limit).toArray()).map(entryOf);
    },
  };
}

/** Inserts the entry at the place after `head`, moving on past places other sealers took. */
async function append(log: Collection<AuditLogDoc>, entry: AuditInboxDoc, start: { seq: number; hash: string }): Promise<{ head: { seq: number; hash: string }; added: boolean }> {
  let head = start;
  for (;;) {
    const { _id: entryId, ...fields } = entry;
    const link = { seq: head.seq + 1, entryId, ...fields, prevHash: head.hash };
    const hash = linkHash(link);
    const { seq, ...rest } = link;
    try {
      await log.insertOne({ _id: seq, ...rest, hash });
      return { head: { seq, hash }, added: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const there = await log.findOne({ _id: head.seq + 1 });
    // The place is free, so it was the entry's id that clashed: it is in the chain already.
    if (!there) return { head, added: false };
    if (there.entryId === entryId) return { head: { seq: there._id, hash: there.hash }, added: false };
    head = { seq: there._id, hash: there.hash };
  }
}

async function lastLink(log: Collection<AuditLogDoc>): Promise<{ seq: number; hash: string }> {
  const last = await log.find({}, { projection: { _id: 1, hash: 1 } }).sort({ _id: -1 }).limit(1).next();
  return last ? { seq: last._id, hash: last.hash } : { seq: 0, hash: '' };
}

function entryOf(doc: AuditLogDoc): SealedAuditEntry {
  const { _id, ...rest } = doc;
  return { seq: _id, ...rest };
}
