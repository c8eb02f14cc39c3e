import type { Db } from 'mongodb';
import type { Contact, ContactBook } from '../../app/ports/contact-book.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import { retryOnDuplicate } from './documents.js';

interface ContactDoc {
  _id: string;
  phoneEnc: string;
  lastInboundAt: Partial<Record<Channel, Date>>;
  smsAllowed: boolean;
}

/** contacts (keyed by the phone's keyed hash) and suppressions (the same hash; kept after erasure). */
export function createMongoContactBook(db: Db): ContactBook {
  const contacts = db.collection<ContactDoc>('contacts');
  const suppressions = db.collection<{ _id: string; source: string; at: Date }>('suppressions');

  return {
    async touchInbound({ phoneHash, phoneEnc, channel, at }) {
      await retryOnDuplicate(() =>
        contacts.updateOne({ _id: phoneHash }, { $set: { phoneEnc, [`lastInboundAt.${channel}`]: at }, $setOnInsert: { smsAllowed: true } }, { upsert: true }));
    },
    async get(phoneHash) {
      const doc = await contacts.findOne({ _id: phoneHash });
      if (!doc) return null;
      const contact: Contact = { phoneHash: doc._id, phoneEnc: doc.phoneEnc, lastInboundAt: doc.lastInboundAt ?? {}, smsAllowed: doc.smsAllowed ?? true };
      return contact;
    },
    async suppress(phoneHash, source, at) {
      await retryOnDuplicate(() => suppressions.updateOne({ _id: phoneHash }, { $setOnInsert: { source, at } }, { upsert: true }));
    },
    async unsuppress(phoneHash) {
      await suppressions.deleteOne({ _id: phoneHash });
    },
    async isSuppressed(phoneHash) {
      return (await suppressions.countDocuments({ _id: phoneHash }, { limit: 1 })) > 0;
    },
  };
}

