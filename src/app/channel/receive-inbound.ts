import type { OnceLog } from '../ports/once-log.js';
import type { Clock } from '../ports/clock.js';
import type { ContactBook } from '../ports/contact-book.js';
import type { InboundRequest, MessageLog } from '../ports/message-log.js';
import type { MessageTransport } from '../ports/message-transport.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import { replyToStranger } from './reply-to-stranger.js';

export interface ReceiveDeps {
  messages: MessageLog;
  contacts: ContactBook;
  phones: PhoneProtector;
  clock: Clock;
  strangers: { limits: OnceLog; transports: Partial<Record<'twilio' | 'simulator', MessageTransport>>; orgName: string; timezone: string };
}

/**
 * Records an inbound message from staff or a service-user before anything else happens, so a crash
 * after this point loses nothing (the inbox sweep runs the turn) and a retried webhook is recognised
 * by its id. A stranger's message is answered (once a day) and not recorded at all. The number's
 * record is only read here: the turn, under the number's lock, is what writes it (the WhatsApp
 * window included).
 */
export async function receiveInbound(deps: ReceiveDeps, request: InboundRequest): Promise<{ outcome: 'inserted' | 'duplicate' | 'stranger'; phoneHash: string }> {
  const phoneHash = deps.phones.hash(request.from);
  // Only staff and service-users have a record; nothing is kept of anyone else.
  const known = await deps.contacts.get(phoneHash);
  if (!known || (!known.staffId && !known.serviceUserId)) {
    await replyToStranger(
      { contacts: deps.contacts, clock: deps.clock, ...deps.strangers },
      { phone: request.from, phoneHash, channel: request.channel, body: request.body, optOutType: request.optOutType },
    );
    return { outcome: 'stranger', phoneHash };
  }
  // A webhook replayed from the spool keeps the instant it arrived, so it takes its place in the queue.
  const receivedAt = request.receivedAt ?? deps.clock.now();
  const phoneEnc = deps.phones.encrypt(request.from);
  const outcome = await deps.messages.insertInbound({
    id: request.id,
    channel: request.channel,
    phoneHash,
    phoneEnc,
    body: request.body,
    ...(request.optOutType ? { optOutType: request.optOutType } : {}),
    ...(request.mediaCount ? { mediaCount: request.mediaCount } : {}),
    receivedAt,
    status: 'received',
  });
  return { outcome, phoneHash };
}
