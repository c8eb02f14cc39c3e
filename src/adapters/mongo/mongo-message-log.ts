import type { Db, Filter, UpdateFilter } from 'mongodb';
import { statusRank, type MessageStatus } from '../../domain/messaging/message-status.js';
import type { InboundMessage, MessageLog, OutboundMessage, OutboxOutcome } from '../../app/ports/message-log.js';

// The domain types in ports.ts are the contract; this is their storage shape, plus bookkeeping.
interface MessageDoc {
  _id: string;
  direction: 'in' | 'out';
  phoneHash?: string;
  providerSid?: string;
  status?: string;
  receivedAt?: Date;
  nextAttemptAt?: Date;
  sendingSince?: Date;
  attempts?: number;
  retryAfter?: Date;
  /** The outbox's steps, in order (the provider's reports are in messageEvents). */
  timeline?: TimelineEntry[];
  /** When it was recorded, wall clock (the service's clock may run fast in a demo): for archiving. */
  realAt?: Date;
  /** Provider ids of attempts that were accepted, then failed and retried: their reports are history. */
  supersededSids?: string[];
}

interface TimelineEntry {
  status: string;
  source: 'outbox' | 'provider';
  at: Date;
  [detail: string]: unknown;
}

interface MessageEvent {
  _id: string;
  messageId: string;
  status: string;
  /** 'outbox' events follow the send attempt; 'provider' events are Twilio's callbacks. */
  source: 'outbox' | 'provider';
  at: Date;
  [detail: string]: unknown;
}

/**
 * Inbound and outbound messages (collection `messages`), their outbox steps (a `timeline` on each
 * message, written by whoever holds the message's attempt) and the provider's reports
 * (`messageEvents`). Reads and writes go by _id alone, the one lookup FerretDB's SQLite backend
 * does not scan for; other conditions are checked on the document read.
 *
 * Concurrency is carried by inserts, which are atomic on every MongoDB-compatible server, not by
 * conditional updates, which FerretDB applies as read-then-write:
 * - an inbound message's _id is the MessageSid, so a retried webhook is a duplicate-key error;
 * - a message due now is recorded already holding its first attempt (the insert is the claim);
 *   every later attempt is claimed by inserting `<messageId>#<attempt>` into `sendAttempts`, so
 *   exactly one process sends each attempt, and only the claimant writes the message's outbox state;
 * - provider callbacks only ever insert events, and the delivery status is the highest-ranked status
 *   among the outbox state and those events, so it moves forward whatever order callbacks arrive in.
 */
export function createMongoMessageLog(db: Db): MessageLog {
  const messages = db.collection<MessageDoc>('messages');
  // Settled messages leave the working set after a day (archiveSettled), so what a turn reads
  // and writes stays the size of a day's traffic however long the history grows.
  const archive = db.collection<MessageDoc>('messageArchive');
  const byId = async (id: string, projection?: Record<string, 1>) =>
    (await messages.findOne({ _id: id }, projection ? { projection } : {})) ?? (await archive.findOne({ _id: id }, projection ? { projection } : {}));
  const events = db.collection<MessageEvent>('messageEvents');
  const attempts = db.collection<{ _id: string; messageId: string; at: Date; realAt?: Date }>('sendAttempts');
  let eventSeq = 0;

  const providerEvent = async (messageId: string, status: string, at: Date, detail: Record<string, unknown>) => {
    // at + a per-process sequence keeps the timeline in order; the random tail keeps ids unique across processes.
    const id = `${messageId}:${at.getTime().toString(36)}:${(eventSeq++).toString(36).padStart(8, '0')}:${Math.random().toString(36).slice(2, 8)}`;
    await events.insertOne({ _id: id, messageId, source: 'provider', status, at, ...detail });
  };

  const toOutbound = async (doc: MessageDoc): Promise<OutboundMessage> => {
    const found = await events.find({ messageId: doc._id, source: 'provider' }, { projection: { status: 1, providerSid: 1 } }).toArray();
    const superseded = new Set(doc.supersededSids ?? []);
    const providerEvents = found.filter((e) => typeof e.providerSid !== 'string' || !superseded.has(e.providerSid));
    const status = [doc.status as MessageStatus, ...providerEvents.map((e) => e.status as MessageStatus)]
      .filter((s) => s in statusRank)
      .reduce((best, s) => (statusRank[s] > statusRank[best] ? s : best));
    return { ...fromDoc(doc), status } as OutboundMessage;
  };

  return {
    async insertInbound(message) {
      try {
        await messages.insertOne({ _id: message.id, direction: 'in', ...withoutId(message), realAt: new Date() });
        return 'inserted';
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return 'duplicate';
        throw error;
      }
    },
    async nextReceived(phoneHash) {
      const doc = await messages.find({ direction: 'in', phoneHash, status: 'received' }).sort({ receivedAt: 1, _id: 1 }).limit(1).next();
      return doc ? (fromDoc(doc) as InboundMessage) : null;
    },
    async waiting(phoneHash, limit = 50) {
      const docs = await messages.find({ direction: 'in', phoneHash, status: 'received' }).sort({ receivedAt: 1, _id: 1 }).limit(limit).toArray();
      return docs.map((doc) => fromDoc(doc) as InboundMessage);
    },
    async markProcessed(id, at, options = {}) {
      const redacted = options.redactedBody === undefined ? {} : { body: options.redactedBody, redacted: true };
      await messages.updateOne({ _id: id }, { $set: { status: 'processed', processedAt: at, ...redacted }, $unset: { retryAfter: '' } });
    },
    async markTurnFailed(id, update) {
      const set = update.retryAfter
        ? { attempts: update.attempts, error: update.error, retryAfter: update.retryAfter, lastFailedAt: update.at }
        : { status: 'failed', attempts: update.attempts, error: update.error, processedAt: update.at };
      await messages.updateOne({ _id: id }, { $set: set });
    },
    async phonesWithUnprocessed(receivedBefore, now) {
      return (await messages.distinct('phoneHash', {
        direction: 'in',
        status: 'received',
        $or: [{ retryAfter: { $exists: false }, receivedAt: { $lt: receivedBefore } }, { retryAfter: { $lte: now } }],
      })) as string[];
    },

    async insertOutbound(message) {
      try {
        await messages.insertOne({ _id: message.id, direction: 'out', ...withoutId(message), timeline: openingSteps(message), realAt: new Date() });
        return 'inserted';
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return 'duplicate';
        throw error;
      }
    },
    async getOutbound(id) {
      const doc = await byId(id);
      return doc?.direction === 'out' ? toOutbound(doc) : null;
    },
    async claim(id, now, options = {}) {
      const doc = await messages.findOne({ _id: id });
      if (!doc || doc.direction !== 'out' || doc.status !== 'pending' || !doc.nextAttemptAt || doc.nextAttemptAt > now) return null;
      const attempt = (doc.attempts ?? 0) + 1;
      try {
        await attempts.insertOne({ _id: `${id}#${attempt}`, messageId: id, at: now, realAt: new Date() });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        // Someone holds this attempt. If they have not moved the message on by now, they died between
        // their marker and their update: the message becomes the "sending" it really was, and the
        // recovery rule asks the provider whether that attempt got through.
        const marker = await attempts.findOne({ _id: `${id}#${attempt}` });
        if (marker && options.staleClaimBefore && (marker.realAt ?? marker.at) < options.staleClaimBefore) {
          await messages.updateOne({ _id: id }, {
            $set: { status: 'sending', sendingSince: marker.at, attempts: attempt },
            $push: { timeline: step('sending', now, { attempt, repaired: 'claim interrupted before the message was updated' }) },
          });
        }
        return null;
      }
      await messages.updateOne({ _id: id }, { $set: { status: 'sending', sendingSince: now, attempts: attempt }, $push: { timeline: step('sending', now, { attempt }) } });
      return { ...(fromDoc(doc) as OutboundMessage), status: 'sending', sendingSince: now, attempts: attempt };
    },
    async insertOutboundMany(batch) {
      if (batch.length === 0) return [];
      const realAt = new Date();
      const docs = batch.map((message) => ({ _id: message.id, direction: 'out' as const, ...withoutId(message), timeline: openingSteps(message), realAt }));
      const duplicates = new Set<number>();
      try {
        await messages.insertMany(docs, { ordered: false });
      } catch (error) {
        const writeErrors = (error as { writeErrors?: Array<{ index: number; code: number }> | { index: number; code: number } }).writeErrors;
        const failures = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        if (failures.length === 0 || failures.some((failure) => failure.code !== 11000)) throw error;
        for (const failure of failures) duplicates.add(failure.index);
      }
      return batch.map((_, index) => (duplicates.has(index) ? 'duplicate' : 'inserted'));
    },
    async settle(outcomes) {
      if (outcomes.length === 0) return;
      await messages.bulkWrite(outcomes.map((outcome) => ({ updateOne: { filter: { _id: outcome.id }, update: settlement(outcome) } })), { ordered: true });
    },
    async markSent(id, update) {
      await messages.updateOne({ _id: id }, settlement({ id, kind: 'sent', ...update }));
    },
    async markRetry(id, update) {
      await messages.updateOne({ _id: id }, settlement({ id, kind: 'retry', ...update }));
    },
    async markFinal(id, update) {
      await messages.updateOne({ _id: id }, settlement({ id, kind: 'final', ...update }));
    },
    async recordProviderStatus(id, update) {
      await providerEvent(id, update.status, update.at, { providerStatus: update.providerStatus, providerSid: update.providerSid, errorCode: update.errorCode });
    },
    async timeline(id) {
      const [doc, found] = await Promise.all([byId(id, { timeline: 1 }), events.find({ messageId: id }).sort({ _id: 1 }).toArray()]);
      const entries = [...(doc?.timeline ?? []), ...found.map(({ _id: _eventId, messageId: _messageId, ...entry }) => entry as TimelineEntry)];
      // Steps of one instant keep their order (a stable sort): pending, then sending, then sent.
      return entries.sort((a, b) => a.at.getTime() - b.at.getTime()) as Array<{ status: string; source: string; at: Date }>;
    },
    async outboundIdBySid(providerSid) {
      const doc = (await messages.findOne({ direction: 'out', providerSid }, { projection: { _id: 1 } })) ?? (await archive.findOne({ direction: 'out', providerSid }, { projection: { _id: 1 } }));
      return doc?._id ?? null;
    },
    async archiveSettled(before, limit) {
      const settled = await messages.find({ status: { $in: ['processed', 'failed', 'sent', 'refused'] }, realAt: { $lt: before } }).limit(limit).toArray();
      if (settled.length === 0) return 0;
      // Archived first, then removed: a crash in between leaves a copy in both, which the next run
      // (its archive insert a duplicate, ignored) tidies up.
      await archive.insertMany(settled, { ordered: false }).catch((error: unknown) => {
        const failures = (error as { writeErrors?: Array<{ code: number }> | { code: number } }).writeErrors;
        const list = Array.isArray(failures) ? failures : failures ? [failures] : [];
        if (list.length === 0 || list.some((failure) => failure.code !== 11000)) throw error;
      });
      await messages.deleteMany({ _id: { $in: settled.map((doc) => doc._id) } });
      return settled.length;
    },
    async dueOutbound(now, limit) {
      const docs = await messages.find({ direction: 'out', status: 'pending', nextAttemptAt: { $lte: now } } satisfies Filter<MessageDoc>, { projection: { _id: 1 } })
        .sort({ nextAttemptAt: 1 }).limit(limit).toArray();
      return docs.map((doc) => doc._id);
    },
    async stuckSending(before) {
      const docs = await messages.find({ direction: 'out', status: 'sending', sendingSince: { $lt: before } }).toArray();
      return docs.map((doc) => fromDoc(doc) as OutboundMessage);
    },
  };
}

function withoutId<T extends { id: string }>(message: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = message;
  return rest;
}

function fromDoc(doc: MessageDoc): InboundMessage | OutboundMessage {
  const { _id, direction: _direction, timeline: _timeline, realAt: _realAt, ...rest } = doc;
  return { id: _id, ...rest } as unknown as InboundMessage | OutboundMessage;
}

function step(status: string, at: Date, detail: Record<string, unknown> = {}): TimelineEntry {
  return { status, source: 'outbox', at, ...detail };
}

/** A message's first steps: recorded, and (when it is due now) already holding its first attempt. */
function openingSteps(message: OutboundMessage): TimelineEntry[] {
  return [step('pending', message.createdAt), ...(message.status === 'sending' ? [step('sending', message.createdAt, { attempt: message.attempts })] : [])];
}

/** The update that records an outcome on the message and in its timeline. */
function settlement(outcome: OutboxOutcome): UpdateFilter<MessageDoc> {
  switch (outcome.kind) {
    case 'sent': {
      const extra = outcome.fallbackReason ? { fallbackReason: outcome.fallbackReason } : {};
      return {
        $set: { status: 'sent', providerSid: outcome.providerSid, sentVia: outcome.via, sentAt: outcome.at, ...extra },
        $push: { timeline: step('sent', outcome.at, { providerSid: outcome.providerSid, via: outcome.via, ...(outcome.recovered ? { recovered: true } : {}), ...extra }) },
      };
    }
    case 'retry': {
      const entry = step('retry', outcome.at, { errorCode: outcome.errorCode, error: outcome.error, nextAttemptAt: outcome.nextAttemptAt, ...(outcome.supersedes ? { supersedes: outcome.supersedes } : {}) });
      return {
        $set: { status: 'pending', nextAttemptAt: outcome.nextAttemptAt, errorCode: outcome.errorCode, error: outcome.error },
        $push: outcome.supersedes ? { timeline: entry, supersededSids: outcome.supersedes } : { timeline: entry },
      };
    }
    case 'final':
      return {
        $set: { status: outcome.status, errorCode: outcome.errorCode, error: outcome.error },
        $push: { timeline: step(outcome.status, outcome.at, { errorCode: outcome.errorCode, error: outcome.error }) },
      };
  }
}
