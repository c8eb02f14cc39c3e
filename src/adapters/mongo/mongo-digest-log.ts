import type { Db } from 'mongodb';
import type { DigestLog, DigestRecord } from '../../app/ports/digest-log.js';
import { insertUnlessPresent, withId, withoutId } from './documents.js';

/**
 * The digests collection, one document per worker and day keyed by its id: the unique _id decides
 * between two runs of the job (an insert, which FerretDB applies atomically too), and a worker's
 * recent days are read by their ids rather than by a filter on the worker and a date range.
 */
export function createMongoDigestLog(db: Db): DigestLog {
  const digests = db.collection<Omit<DigestRecord, 'id'> & { _id: string }>('digests');
  return {
    async record(record) {
      const outcome = await insertUnlessPresent(() => digests.insertOne({ _id: record.id, ...withoutId(record) }));
      return outcome === 'inserted' ? 'recorded' : 'exists';
    },
    async find(ids) {
      if (ids.length === 0) return [];
      return (await digests.find({ _id: { $in: [...ids] } }).toArray()).map(withId);
    },
  };
}
