import type { Clock } from '../ports/clock.js';
import type { ContactBook } from '../ports/contact-book.js';
import type { MessageLog, StatusUpdate } from '../ports/message-log.js';

/**
 * A provider status callback, usually one insert: the report joins the message's timeline (the
 * status only moves forward, whatever order reports arrive in; see the message log). The message
 * is read only when the report needs acting on: an opt-out at the carrier puts the number on the
 * suppression list. The callback URL carries our message id and Twilio signs it, so a report for
 * an id is taken as ours without reading the message first.
 */
export async function recordStatus(
  deps: { messages: MessageLog; contacts: ContactBook; clock: Clock },
  update: StatusUpdate,
): Promise<'recorded' | 'unknown-message' | 'unknown-status'> {
  const { status } = update;
  if (!status) return 'unknown-status';
  const id = update.messageId ?? (await deps.messages.outboundIdBySid(update.providerSid));
  if (!id) return 'unknown-message';
  const at = deps.clock.now();
  await deps.messages.recordProviderStatus(id, { status, providerStatus: update.providerStatus, providerSid: update.providerSid, errorCode: update.errorCode, at });
  if (update.problem === 'opted-out') {
    const message = await deps.messages.getOutbound(id);
    // Outside the number's lock (a rare report): the suppression list is the truth either way.
    if (message) await deps.contacts.suppress(message.phoneHash, 'provider-opt-out', at);
  }
  return 'recorded';
}
