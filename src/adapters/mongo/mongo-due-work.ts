import type { Collection, Db } from 'mongodb';
import type { DueItem, DueKind, DueWork } from '../../app/ports/due-work.js';

export interface DueItemDoc {
  _id: string;
  kind: DueKind;
  subject: string;
  /** kind|subject: what versions are compared within. */
  key: string;
  dueAt: Date;
  version: number;
  cancelled?: boolean;
}

/** A claim on one attempt at an item: `<item>#<attempt>`, unique by _id. */
export interface DueClaimDoc {
  _id: string;
  item: string;
  attempt: number;
  owner: string;
  /** Real time: a lease is about a process being alive, not about the service's clock. */
  expiresAt: Date;
}

/**
 * Due items in `dueItems` and claims in `dueClaims`. Claims are inserts of a unique `_id`
 * (`<item>#<attempt>`), never findAndModify (not atomic on FerretDB 1.24) nor updates: of two
 * sweeps inserting the same claim, the database lets exactly one in (duplicate key 11000 for the
 * other), so exactly one works each attempt. An attempt whose lease ran out (its process died) is
 * taken over by inserting the next attempt's claim, again unique, so again one taker. A sweep that
 * overran its lease may overlap its successor; the handlers are idempotent (committed turns,
 * deterministic message ids), so that costs time, never a second text. Finished items and their
 * claims are deleted in one command per batch each, off the per-item path (see finish for the
 * order, which is what keeps a finished item from being claimed again).
 */
export function createMongoDueWork(db: Db): DueWork {
  const items = db.collection<DueItemDoc>('dueItems');
  const claims = db.collection<DueClaimDoc>('dueClaims');
  let lastCleanup = Date.now();
  const toItem = (doc: DueItemDoc): DueItem => ({
    id: doc._id, kind: doc.kind, subject: doc.subject, dueAt: new Date(doc.dueAt), version: doc.version, ...(doc.cancelled ? { cancelled: true } : {}),
  });
  return {
    async add(batch) {
      if (batch.length === 0) return;
      const docs = batch.map((item) => ({
        _id: item.id, kind: item.kind, subject: item.subject, key: `${item.kind}|${item.subject}`, dueAt: item.dueAt, version: item.version, ...(item.cancelled ? { cancelled: true } : {}),
      }));
      await insertIgnoringDuplicates(items, docs);
    },
    async due(now, limit) {
      return (await items.find({ dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(limit).toArray()).map(toItem);
    },
    async claim(candidates, owner, leaseMs, limit) {
      if (candidates.length === 0) return [];
      const held = await claims.find({ item: { $in: candidates.map((item) => item.id) } }, { projection: { item: 1, attempt: 1, expiresAt: 1 } }).toArray();
      const latest = new Map<string, DueClaimDoc>();
      for (const claim of held) if ((latest.get(claim.item)?.attempt ?? -1) < claim.attempt) latest.set(claim.item, claim);
      const realNow = Date.now();
      const free = candidates.filter((item) => {
        const claim = latest.get(item.id);
        return !claim || new Date(claim.expiresAt).getTime() <= realNow;
      });
      // Two sweeps that read the same due items start at different places in them, so that they
      // mostly claim different items instead of racing for the same ones.
      const start = free.length > limit ? Math.floor(Math.random() * free.length) : 0;
      const chosen = [...free.slice(start), ...free.slice(0, start)].slice(0, limit);
      const docs: DueClaimDoc[] = chosen.map((item) => {
        const attempt = (latest.get(item.id)?.attempt ?? 0) + 1;
        return { _id: `${item.id}#${attempt}`, item: item.id, attempt, owner, expiresAt: new Date(realNow + leaseMs) };
      });
      const lost = await insertIgnoringDuplicates(claims, docs);
      return chosen.filter((_, index) => !lost.has(index));
    },
    async sameSubjects(batch) {
      if (batch.length === 0) return [];
      const keys = [...new Set(batch.map((item) => `${item.kind}|${item.subject}`))];
      return (await items.find({ key: { $in: keys } }).toArray()).map(toItem);
    },
    async finish(ids) {
      if (ids.length === 0) return;
      // Items first, then their claims. A sweep can only win a claim once the one before it is gone,
      // and by then the item is gone too, which that sweep sees when it reads the items after
      // claiming (sameSubjects): so an item finished here is never taken again. A crash between
      // the two leaves claims without items, which the clean-up below removes later.
      await items.deleteMany({ _id: { $in: ids } });
      await claims.deleteMany({ item: { $in: ids } });
      if (Date.now() - lastCleanup > 10 * 60_000) {
        lastCleanup = Date.now();
        await claims.deleteMany({ expiresAt: { $lt: new Date(Date.now() - 60 * 60_000) } });
      }
    },
    async upcoming(after, limit) {
      return (await items.find({ dueAt: { $gt: after } }).sort({ dueAt: 1 }).limit(limit).toArray()).map(toItem);
    },
  };
}

/** insertMany, unordered; answers the indexes of the documents that were already there. */
async function insertIgnoringDuplicates<T extends { _id: string }>(collection: Collection<T>, docs: T[]): Promise<Set<number>> {
  const duplicates = new Set<number>();
  if (docs.length === 0) return duplicates;
  try {
    await collection.insertMany(docs as never, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ index: number; code: number }> | { index: number; code: number } }).writeErrors;
    const failures = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (failures.length === 0 || failures.some((failure) => failure.code !== 11000)) throw error;
    for (const failure of failures) duplicates.add(failure.index);
  }
  return duplicates;
}
