import type { Channel } from '../domain/messaging/delivery-plan.js';
import type { Clock, ContactBook, MessageLog, PhoneProtector } from './ports.js';

export interface InboundRequest {
  /** The provider's id (Twilio MessageSid): the same id twice is one message. */
  id: string;
  channel: Channel;
  from: string;
  body: string;
  optOutType?: string;
}

/**
 * Records an inbound message before anything else happens, so a crash after this point loses
 * nothing (the inbox sweep runs the turn) and a retried webhook is recognised by its id.
 */
export async function receiveInbound(
  deps: { messages: MessageLog; contacts: ContactBook; phones: PhoneProtector; clock: Clock },
  request: InboundRequest,
): Promise<{ outcome: 'inserted' | 'duplicate'; phoneHash: string }> {
  const receivedAt = deps.clock.now();
  const phoneHash = deps.phones.hash(request.from);
  const phoneEnc = deps.phones.encrypt(request.from);
  const outcome = await deps.messages.insertInbound({
    id: request.id,
    channel: request.channel,
    phoneHash,
    phoneEnc,
    body: request.body,
    ...(request.optOutType ? { optOutType: request.optOutType } : {}),
    receivedAt,
    status: 'received',
  });
  if (outcome === 'inserted') await deps.contacts.touchInbound({ phoneHash, phoneEnc, channel: request.channel, at: receivedAt });
  return { outcome, phoneHash };
}
