import { randomUUID } from 'node:crypto';
import type { Contact } from '../ports/contact-book.js';
import type { OutboundMessage } from '../ports/message-log.js';
import { deliverClaimedMany, deliverMessage, type DeliveryDeps } from './deliver-message.js';
import type { Dispatcher } from './dispatcher.js';

/** What a caller says about a message; the outbox adds the id, status and bookkeeping. */
export type MessageRequest = Pick<OutboundMessage, 'channel' | 'phoneHash' | 'phoneEnc' | 'body' | 'purpose' | 'templateVariables' | 'replyTo' | 'fallbackOf' | 'fallbackReason'> & {
  /** Not before this instant (quiet hours); default now. */
  notBefore?: Date;
  /** The caller's id for the message (a turn's `<key>/m<n>`): asking twice records it once. */
  id?: string;
  /** The recipient's record, when the caller has just read it under the number's lock. */
  contact?: Contact;
};

/**
 * Records the message before anything is sent (the outbox), then delivers it at once when it is
 * due. A message due now is recorded already claimed for its first attempt, so recording it is the
 * claim and no second write is needed before the provider is called. If the process dies in
 * between, the outbox sweep finds the record (pending, or sending with no answer) and settles it.
 */
export async function sendMessage(deps: DeliveryDeps, request: MessageRequest): Promise<string> {
  const [id] = await sendMessages(deps, [request]);
  return id as string;
}

/**
 * Several texts, in order, for the cost of one: recorded in one write, sent one after another,
 * and what became of them recorded in one write (a turn's replies, an invitation and its first
 * question). Returns their ids.
 */
export async function sendMessages(deps: DeliveryDeps, requests: MessageRequest[], dispatcher?: Dispatcher): Promise<string[]> {
  const now = deps.clock.now();
  const records = requests.map((request) => {
    const { notBefore, id = randomUUID(), contact: _contact, ...rest } = request;
    const message: OutboundMessage = notBefore && notBefore > now
      ? { id, ...rest, status: 'pending', attempts: 0, nextAttemptAt: notBefore, createdAt: now }
      : { id, ...rest, status: 'sending', attempts: 1, nextAttemptAt: now, sendingSince: now, createdAt: now };
    return message;
  });
  const inserted = await deps.messages.insertOutboundMany(records);
  const claimed = records.filter((message, i) => inserted[i] === 'inserted' && message.status === 'sending');
  const deliver = async () => {
    await deliverClaimedMany(deps, claimed, requests.find((request) => request.contact)?.contact);
    // A duplicate is a replayed turn's message, recorded before the crash: the claim sends it only
    // if it is still pending and due; one left "sending" is the recovery rule's to settle.
    for (const [i, message] of records.entries()) if (inserted[i] === 'duplicate') await deliverMessage(deps, message.id);
  };
  // Scheduled work hands its texts to the dispatcher (recorded and claimed already: a crash before
  // they go leaves them "sending", which the outbox sweep settles); a turn sends its replies itself.
  if (dispatcher) await dispatcher.enqueue(deliver);
  else await deliver();
  return records.map((message) => message.id);
}
