import { whatsappFallback } from '../../domain/messaging/delivery-plan.js';
import { numberLooksWrong } from '../../domain/messaging/number-looks-wrong.js';
import type { OutboundMessage, StatusUpdate } from '../ports/message-log.js';
import type { NumberHealth } from '../ports/number-health.js';
import { nextRetryAt, type DeliveryDeps } from './deliver-message.js';
import { sendMessage } from './send-message.js';

export type StatusDeps = DeliveryDeps & { numbers: NumberHealth };

/**
 * A provider status callback, usually one insert: the report joins the message's timeline (the
 * status only moves forward, whatever order reports arrive in; see the message log). The message
 * is read only when a failure needs acting on, as at send time:
 * - opted-out: the number goes on the suppression list;
 * - outside-window (WhatsApp took the message, then found the 24-hour window closed): it is sent
 *   again by SMS, through the outbox, where the person allows SMS;
 * - rate-limited: the message goes back to the outbox, to be tried again after the usual backoff;
 * - unreachable: counted against the number, which is marked as looking wrong after repeated
 *   failures (numberLooksWrong) for the worker's digest.
 * The callback URL carries our message id and Twilio signs it, so a report for an id is taken as
 * ours without reading the message first.
 */
export async function recordStatus(deps: StatusDeps, update: StatusUpdate): Promise<'recorded' | 'unknown-message' | 'unknown-status'> {
  const { status } = update;
  if (!status) return 'unknown-status';
  const id = update.messageId ?? (await deps.messages.outboundIdBySid(update.providerSid));
  if (!id) return 'unknown-message';
  const at = deps.clock.now();
  await deps.messages.recordProviderStatus(id, { status, providerStatus: update.providerStatus, providerSid: update.providerSid, errorCode: update.errorCode, at });
  if (!update.problem || (status !== 'failed' && status !== 'undelivered')) return 'recorded';
  const message = await deps.messages.getOutbound(id);
  if (!message) return 'recorded';
  switch (update.problem) {
    case 'opted-out':
      // Outside the number's lock (a rare report): the suppression list is the truth either way.
      await deps.contacts.suppress(message.phoneHash, 'provider-opt-out', at);
      break;
    case 'outside-window':
      await sendBySmsInstead(deps, message, update);
      break;
    case 'rate-limited':
      await tryAgainLater(deps, message, update, at);
      break;
    case 'unreachable':
      if (numberLooksWrong(await deps.numbers.recordUndeliverable(message.phoneHash, message.id, at), at)) await deps.numbers.markLooksWrong(message.phoneHash, at);
      break;
    default:
      break;
  }
  return 'recorded';
}

/**
 * The same text again by SMS, as a message of its own (`<id>/sms`, so a repeated report sends it
 * once), through the outbox: the suppression list is checked there as for any text.
 */
async function sendBySmsInstead(deps: StatusDeps, message: OutboundMessage, update: StatusUpdate): Promise<void> {
  if (message.channel !== 'whatsapp' || message.sentVia === 'sms' || !isCurrentAttempt(message, update)) return;
  const contact = await deps.contacts.get(message.phoneHash);
  const reason = `WhatsApp reported it undelivered outside the 24-hour window (${update.errorCode ?? 'no code'})`;
  const plan = whatsappFallback(contact?.smsAllowed ?? true, message.body, reason);
  if (plan.kind !== 'fallback-sms') {
    deps.logger.warn({ messageId: message.id }, 'WhatsApp could not deliver a message outside its window, and this person has not agreed to SMS');
    return;
  }
  await sendMessage(deps, {
    id: `${message.id}/sms`, channel: 'sms', phoneHash: message.phoneHash, phoneEnc: message.phoneEnc, body: plan.body, purpose: message.purpose,
    fallbackOf: message.id, fallbackReason: reason, ...(message.replyTo ? { replyTo: message.replyTo } : {}), ...(contact ? { contact } : {}),
  });
}

/**
 * Back to the outbox with the backoff a refused send gets; the failed attempt's reports stop
 * counting for the message. A message out of attempts stays failed.
 */
async function tryAgainLater(deps: StatusDeps, message: OutboundMessage, update: StatusUpdate, at: Date): Promise<void> {
  if (!isCurrentAttempt(message, update)) return;
  const nextAttemptAt = nextRetryAt(deps, message.attempts, at);
  if (!nextAttemptAt) return;
  await deps.messages.markRetry(message.id, {
    nextAttemptAt, errorCode: update.errorCode, error: 'the provider reported a rate limit after accepting the message', at, supersedes: update.providerSid,
  });
}

/**
 * The report is about the attempt the message stands on: the one recorded as sent, not an earlier
 * attempt already retried (a repeated report), and not one whose "sent" is not recorded yet.
 */
function isCurrentAttempt(message: OutboundMessage, update: StatusUpdate): boolean {
  return message.providerSid === update.providerSid && (message.status === 'failed' || message.status === 'undelivered');
}
