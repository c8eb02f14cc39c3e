import type { Clock } from '../ports/clock.js';
import type { ContactBook } from '../ports/contact-book.js';
import type { MessageLog, StatusUpdate } from '../ports/message-log.js';

/**
 * A provider status callback. The status only moves forward (the log enforces it), every callback
 * is kept in the message's timeline, and an opt-out reported by the provider (the person texted STOP
 * to the carrier) puts the number on the suppression list.
 */
export async function recordStatus(
  deps: { messages: MessageLog; contacts: ContactBook; clock: Clock },
  update: StatusUpdate,
): Promise<'recorded' | 'unknown-message' | 'unknown-status'> {
  const { status } = update;
  if (!status) return 'unknown-status';
  const id = update.messageId ?? (await deps.messages.outboundIdBySid(update.providerSid));
  const message = id ? await deps.messages.getOutbound(id) : null;
  if (!message) return 'unknown-message';
  const at = deps.clock.now();
  await deps.messages.recordProviderStatus(message.id, { status, providerStatus: update.providerStatus, providerSid: update.providerSid, errorCode: update.errorCode, at });
  if (update.problem === 'opted-out') await deps.contacts.suppress(message.phoneHash, 'provider-opt-out', at);
  return 'recorded';
}
