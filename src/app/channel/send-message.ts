import { randomUUID } from 'node:crypto';
import { deliverMessage, type DeliveryDeps } from './deliver-message.js';
import type { OutboundMessage } from '../ports/message-log.js';

/** What a caller says about a message; the outbox adds the id, status and bookkeeping. */
export type MessageRequest = Pick<OutboundMessage, 'channel' | 'phoneHash' | 'phoneEnc' | 'body' | 'purpose' | 'templateVariables' | 'replyTo'> & {
  /** Not before this instant (quiet hours); default now. */
  notBefore?: Date;
  /** The caller's id for the message (a turn's `<key>/m<n>`): asking twice records it once. */
  id?: string;
};

/**
 * Records the message before anything is sent (the outbox), then delivers it at once when it is
 * due. If the process dies in between, the outbox sweep finds the pending record and sends it.
 */
export async function sendMessage(deps: DeliveryDeps, request: MessageRequest): Promise<string> {
  const now = deps.clock.now();
  const { notBefore, id = randomUUID(), ...rest } = request;
  // A duplicate is a replayed turn's message: recorded before the crash, perhaps never sent. The
  // claim below sends it only if it is still pending and due, so it goes out once either way.
  await deps.messages.insertOutbound({
    id,
    ...rest,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: notBefore && notBefore > now ? notBefore : now,
    createdAt: now,
  });
  if (!notBefore || notBefore <= now) await deliverMessage(deps, id);
  return id;
}
