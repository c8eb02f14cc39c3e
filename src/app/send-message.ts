import { randomUUID } from 'node:crypto';
import { deliverMessage, type DeliveryDeps } from './deliver-message.js';
import type { OutboundMessage } from './ports.js';

/** What a caller says about a message; the outbox adds the id, status and bookkeeping. */
export type MessageRequest = Pick<OutboundMessage, 'channel' | 'phoneHash' | 'phoneEnc' | 'body' | 'purpose' | 'templateVariables' | 'replyTo'> & {
  /** Not before this instant (quiet hours); default now. */
  notBefore?: Date;
};

/**
 * Records the message before anything is sent (the outbox), then delivers it at once when it is
 * due. If the process dies in between, the outbox sweep finds the pending record and sends it.
 */
export async function sendMessage(deps: DeliveryDeps, request: MessageRequest): Promise<string> {
  const now = deps.clock.now();
  const id = randomUUID();
  const { notBefore, ...rest } = request;
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
