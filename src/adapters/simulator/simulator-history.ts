import type { Db } from 'mongodb';
import type { PhoneProtector } from '../../app/ports/phone-protector.js';
import { simulatorMessageView, type SimulatorMessageView } from './simulator-message.js';

interface MessageDoc {
  _id: string;
  direction: 'in' | 'out';
  phoneEnc?: string;
  body?: string;
  providerSid?: string;
  receivedAt?: Date;
  sentAt?: Date;
}

/**
 * The texts the simulator carried, from the messages collection (the record, kept across
 * restarts): what was typed on a simulated phone, and what the bot sent through the simulator (its
 * provider ids start with SIM). Oldest first, the last `limit` of each direction.
 */
export async function simulatorHistory(db: Db, phones: PhoneProtector, limit = 300): Promise<SimulatorMessageView[]> {
  const messages = db.collection<MessageDoc>('messages');
  const [typed, sent] = await Promise.all([
    messages.find({ direction: 'in', channel: 'simulator' }).sort({ receivedAt: -1 }).limit(limit).toArray(),
    messages.find({ direction: 'out', providerSid: { $regex: '^SIM' } }).sort({ sentAt: -1 }).limit(limit).toArray(),
  ]);
  const views = [
    ...typed.flatMap((doc) => view(doc, phones, doc._id, doc.receivedAt)),
    ...sent.flatMap((doc) => view(doc, phones, doc.providerSid ?? doc._id, doc.sentAt)),
  ];
  // A reply is recorded after the text it answers; at equal instants the typed text comes first.
  return views.sort((a, b) => a.at.localeCompare(b.at) || (a.direction === b.direction ? 0 : a.direction === 'in' ? -1 : 1));
}

function view(doc: MessageDoc, phones: PhoneProtector, id: string, at: Date | undefined): SimulatorMessageView[] {
  if (!doc.phoneEnc || doc.body === undefined || !at) return [];
  try {
    return [simulatorMessageView({ id, phone: phones.decrypt(doc.phoneEnc), direction: doc.direction, body: doc.body, at })];
  } catch {
    // Encrypted under another key (demo secrets regenerated): not readable, so not shown.
    return [];
  }
}
