import type { Db } from 'mongodb';
import type { Conversation } from '../../app/ports/case-store.js';
import type { Contact, ContactBook } from '../../app/ports/contact-book.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { ReplyLoopState } from '../../domain/messaging/reply-budget.js';
import { isDuplicateKey, retryOnDuplicate } from './documents.js';

export interface ContactDoc {
  _id: string;
  phoneEnc: string;
  lastInboundAt?: Partial<Record<Channel, Date>>;
  smsAllowed?: boolean;
  suppressed?: boolean;
  staffId?: string;
  serviceUserId?: string;
  conversation?: Omit<Conversation, 'phoneHash'>;
  replyLoop?: ReplyLoopState;
}

/**
 * `contacts`: one record per known number, keyed by the phone's keyed hash, holding the number's
 * conversation too, so a turn reads everything about the number in one read by _id. `suppressions`
 * (the same hash; kept after erasure, and for strangers) is the list the `suppressed` flag mirrors.
 *
 * FerretDB applies an update as read, change, write the whole document, so two writers of one
 * record can lose each other's change: records are written under the number's turn lock, and the
 * conversation's version catches a writer that did not hold it.
 */
export function createMongoContactBook(db: Db): ContactBook {
  const contacts = db.collection<ContactDoc>('contacts');
  const suppressions = db.collection<{ _id: string; source: string; at: Date }>('suppressions');

  return {
    async get(phoneHash) {
      const doc = await contacts.findOne({ _id: phoneHash });
      return doc ? toContact(doc) : null;
    },
    async identify({ phoneHash, phoneEnc, staffId, serviceUserId }) {
      const set = { phoneEnc, ...(staffId ? { staffId } : {}), ...(serviceUserId ? { serviceUserId } : {}) };
      const existing = await contacts.findOne({ _id: phoneHash }, { projection: { staffId: 1, serviceUserId: 1 } });
      if (existing) {
        // Written only when something changes: a record is otherwise its number's turns' to write.
        const unchanged = (staffId === undefined || (existing.staffId ?? null) === staffId) && (serviceUserId === undefined || existing.serviceUserId === serviceUserId);
        if (!unchanged) await contacts.updateOne({ _id: phoneHash }, { $set: set, ...(staffId === null ? { $unset: { staffId: '' } } : {}) });
        return;
      }
      if (staffId === null) return;
      const suppressed = (await suppressions.countDocuments({ _id: phoneHash }, { limit: 1 })) > 0;
      try {
        await contacts.insertOne({ _id: phoneHash, ...set, lastInboundAt: {}, smsAllowed: true, ...(suppressed ? { suppressed } : {}) });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await contacts.updateOne({ _id: phoneHash }, { $set: set });
      }
    },
    async saveConversation(conversation, touch, replyLoop) {
      const { phoneHash, version, ...rest } = conversation;
      const window = touch ? { [`lastInboundAt.${touch.channel}`]: touch.at } : {};
      const result = await contacts.updateOne(
        { _id: phoneHash, ...(version === 0 ? { conversation: { $exists: false } } : { 'conversation.version': version }) },
        { $set: { conversation: { ...rest, version: version + 1 }, ...window, ...(replyLoop ? { replyLoop } : {}) } },
      );
      return result.matchedCount === 1;
    },
    async touchInbound(phoneHash, channel, at) {
      await contacts.updateOne({ _id: phoneHash }, { $set: { [`lastInboundAt.${channel}`]: at } });
    },
    async saveReplyLoop(phoneHash, replyLoop, touch) {
      // A whole-field $set (no $push): the record is written under its number's turn lock.
      await contacts.updateOne({ _id: phoneHash }, { $set: { replyLoop, ...(touch ? { [`lastInboundAt.${touch.channel}`]: touch.at } : {}) } });
    },
    async suppress(phoneHash, source, at) {
      await retryOnDuplicate(() => suppressions.updateOne({ _id: phoneHash }, { $setOnInsert: { source, at } }, { upsert: true }));
      await contacts.updateOne({ _id: phoneHash }, { $set: { suppressed: true } });
    },
    async unsuppress(phoneHash) {
      await suppressions.deleteOne({ _id: phoneHash });
      await contacts.updateOne({ _id: phoneHash }, { $unset: { suppressed: '' } });
    },
    async isSuppressed(phoneHash) {
      return (await suppressions.countDocuments({ _id: phoneHash }, { limit: 1 })) > 0;
    },
  };
}

function toContact(doc: ContactDoc): Contact {
  return {
    phoneHash: doc._id,
    phoneEnc: doc.phoneEnc,
    lastInboundAt: doc.lastInboundAt ?? {},
    smsAllowed: doc.smsAllowed ?? true,
    suppressed: doc.suppressed === true,
    ...(doc.staffId ? { staffId: doc.staffId } : {}),
    ...(doc.serviceUserId ? { serviceUserId: doc.serviceUserId } : {}),
    ...(doc.conversation ? { conversation: { phoneHash: doc._id, ...doc.conversation } } : {}),
    ...(doc.replyLoop ? { replyLoop: doc.replyLoop } : {}),
  };
}
