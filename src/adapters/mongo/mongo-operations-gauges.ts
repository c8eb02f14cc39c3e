import type { Db } from 'mongodb';
import type { OperationsGauges } from '../../app/ports/operations-gauges.js';

/**
 * The outbox and due-work levels, in four bounded reads. On FerretDB's SQLite backend each is a
 * scan of its collection (only _id lookups use an index), so their cost follows the size of
 * `messages` (kept small by the archive) and `dueItems`; the counts stop at `cap` and the /metrics
 * route reads them at most once per scrape interval (createPrometheusMetrics).
 */
export function createMongoOperationsGauges(db: Db): OperationsGauges {
  const messages = db.collection<{ _id: string; direction: string; status: string; nextAttemptAt?: Date; sendingSince?: Date }>('messages');
  const dueItems = db.collection<{ _id: string; dueAt: Date }>('dueItems');
  return {
    async read(now, cap) {
      const [outboxDepth, dueBacklog, waiting, sending] = await Promise.all([
        messages.countDocuments({ direction: 'out', status: { $in: ['pending', 'sending'] } }, { limit: cap }),
        dueItems.countDocuments({ dueAt: { $lte: now } }, { limit: cap }),
        messages.find({ direction: 'out', status: 'pending', nextAttemptAt: { $lte: now } }, { projection: { nextAttemptAt: 1 } }).sort({ nextAttemptAt: 1 }).limit(1).next(),
        messages.find({ direction: 'out', status: 'sending' }, { projection: { sendingSince: 1 } }).sort({ sendingSince: 1 }).limit(1).next(),
      ]);
      const since = [waiting?.nextAttemptAt, sending?.sendingSince].filter((at): at is Date => at instanceof Date).map((at) => at.getTime());
      const oldest = since.length > 0 ? Math.min(...since) : now.getTime();
      return { outboxDepth, dueBacklog, oldestUnsentSeconds: Math.max(0, (now.getTime() - oldest) / 1000) };
    },
  };
}
