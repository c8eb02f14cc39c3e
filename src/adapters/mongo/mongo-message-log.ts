import type { Db, Filter } from 'mongodb';
import { statusRank } from '../../domain/messaging/message-status.js';
import type { InboundMessage, MessageLog, OutboundMessage } from '../../app/ports.js';

// The domain types in ports.ts are the contract; this is their storage shape, plus bookkeeping.
interface MessageDoc {
  _id: string;
  direction: 'in' | 'out';
  phoneHash?: string;
  providerSid?: string;
  status?: string;
  statusRank?: number;
  receivedAt?: Date;
  nextAttemptAt?: Date;
  sendingSince?: Date;
  claim?: string;
  attempts?: number;
  timeline?: Array<Record<string, unknown>>;
}

/**
 * Inbound and outbound messages in one collection. An inbound message's _id is the provider's
 * MessageSid, so a retried webhook hits the unique _id index (error 11000) instead of a second turn.
 * Status writes carry the rank in their filter, so a late or replayed update never moves a message back.
 */
export function createMongoMessageLog(db: Db): MessageLog {
  const messages = db.collection<MessageDoc>('messages');
  const below = (status: keyof typeof statusRank): Filter<MessageDoc> => ({ statusRank: { $lt: statusRank[status] } });

  return {
    async insertInbound(message) {
      try {
        await messages.insertOne({ _id: message.id, direction: 'in', ...withoutId(message) });
        return 'inserted';
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return 'duplicate';
        throw error;
      }
    },
    async nextReceived(phoneHash) {
      const doc = await messages.find({ direction: 'in', phoneHash, status: 'received' }).sort({ receivedAt: 1, _id: 1 }).limit(1).next();
      return doc ? (toMessage(doc) as InboundMessage) : null;
    },
    async markProcessed(id, at, error) {
      await messages.updateOne({ _id: id, direction: 'in' }, { $set: { status: error ? 'failed' : 'processed', processedAt: at, ...(error ? { error } : {}) } });
    },
    async phonesWithUnprocessed(before) {
      return (await messages.distinct('phoneHash', { direction: 'in', status: 'received', receivedAt: { $lt: before } })) as string[];
    },

    async insertOutbound(message) {
      await messages.insertOne({
        _id: message.id,
        direction: 'out',
        ...withoutId(message),
        statusRank: statusRank[message.status],
        timeline: [{ status: message.status, at: message.createdAt }],
      });
    },
    async getOutbound(id) {
      const doc = await messages.findOne({ _id: id, direction: 'out' });
      return doc ? (toMessage(doc) as OutboundMessage) : null;
    },
    async claim(id, claim, now) {
      // FerretDB's findAndModify is not atomic, so the claim is written with a conditional update and
      // read back: whoever's token is stored owns the send.
      await messages.updateOne(
        { _id: id, direction: 'out', status: 'pending', nextAttemptAt: { $lte: now } },
        { $set: { status: 'sending', statusRank: statusRank.sending, sendingSince: now, claim }, $inc: { attempts: 1 }, $push: { timeline: { status: 'sending', at: now } } },
      );
      const doc = await messages.findOne({ _id: id, claim, status: 'sending' });
      return doc ? (toMessage(doc) as OutboundMessage) : null;
    },
    async markSent(id, update) {
      // The provider's callback can beat this write; the SID is kept either way, the status only if it moves forward.
      await messages.updateOne(
        { _id: id },
        { $set: { providerSid: update.providerSid, sentVia: update.via, sentAt: update.at, ...(update.fallbackReason ? { fallbackReason: update.fallbackReason } : {}) } },
      );
      await messages.updateOne({ _id: id, ...below('sent') }, { $set: { status: 'sent', statusRank: statusRank.sent } });
      await pushTimeline(id, { status: 'sent', at: update.at, providerSid: update.providerSid, via: update.via, ...(update.recovered ? { recovered: true } : {}) });
    },
    async markRetry(id, update) {
      await messages.updateOne(
        { _id: id, status: 'sending' },
        { $set: { status: 'pending', statusRank: statusRank.pending, nextAttemptAt: update.nextAttemptAt, errorCode: update.errorCode, error: update.error } },
      );
      await pushTimeline(id, { status: 'retry', at: update.at, errorCode: update.errorCode, error: update.error });
    },
    async markFinal(id, update) {
      await messages.updateOne(
        { _id: id, ...below(update.status) },
        { $set: { status: update.status, statusRank: statusRank[update.status], errorCode: update.errorCode, error: update.error } },
      );
      await pushTimeline(id, { status: update.status, at: update.at, errorCode: update.errorCode, error: update.error });
    },
    async recordProviderStatus(id, update) {
      await messages.updateOne(
        { _id: id, direction: 'out', ...below(update.status) },
        { $set: { status: update.status, statusRank: statusRank[update.status], ...(update.errorCode !== null ? { errorCode: update.errorCode } : {}) } },
      );
      // Every callback is kept in the timeline, even one that arrives too late to change the status.
      await pushTimeline(id, { status: update.providerStatus, at: update.at, errorCode: update.errorCode, providerSid: update.providerSid });
    },
    async outboundIdBySid(providerSid) {
      const doc = await messages.findOne({ direction: 'out', providerSid }, { projection: { _id: 1 } });
      return doc?._id ?? null;
    },
    async dueOutbound(now, limit) {
      const docs = await messages.find({ direction: 'out', status: 'pending', nextAttemptAt: { $lte: now } }, { projection: { _id: 1 } })
        .sort({ nextAttemptAt: 1 }).limit(limit).toArray();
      return docs.map((doc) => doc._id);
    },
    async stuckSending(before) {
      const docs = await messages.find({ direction: 'out', status: 'sending', sendingSince: { $lt: before } }).toArray();
      return docs.map((doc) => toMessage(doc) as OutboundMessage);
    },
  };

  async function pushTimeline(id: string, entry: Record<string, unknown>): Promise<void> {
    await messages.updateOne({ _id: id }, { $push: { timeline: entry } });
  }
}

function withoutId<T extends { id: string }>(message: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = message;
  return rest;
}

function toMessage(doc: MessageDoc): InboundMessage | OutboundMessage {
  const { _id, direction: _direction, statusRank: _rank, timeline: _timeline, claim: _claim, ...rest } = doc;
  return { id: _id, ...rest } as unknown as InboundMessage | OutboundMessage;
}

