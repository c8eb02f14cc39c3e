import { planDelivery, whatsappFallback, type Channel, type DeliveryPlan, type MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import type { Logger } from '../../logger.js';
import { sendingGraceMs } from './sending-grace.js';
import type { Clock } from '../ports/clock.js';
import type { Contact, ContactBook } from '../ports/contact-book.js';
import type { MessageLog, OutboundMessage, OutboxOutcome } from '../ports/message-log.js';
import type { MessageTransport, SendResult } from '../ports/message-transport.js';
import type { PhoneProtector } from '../ports/phone-protector.js';

export interface DeliveryDeps {
  messages: MessageLog;
  contacts: ContactBook;
  phones: PhoneProtector;
  transports: Partial<Record<'twilio' | 'simulator', MessageTransport>>;
  /** WhatsApp template ContentSids per purpose, for business-initiated messages outside the 24 h window. */
  whatsappTemplates: Partial<Record<MessagePurpose, string>>;
  statusCallbackUrl?: (messageId: string) => string;
  clock: Clock;
  logger: Logger;
  retry?: { maxAttempts: number; baseDelayMs: number };
}

/**
 * Sends one recorded message. The claim makes sure one worker sends it; the suppression check here
 * means nobody who said STOP is messaged, whatever asked for it. Provider failures become data on
 * the message: retried later when retrying is safe (429, 5xx, network), final otherwise. Never throws
 * for a provider failure.
 */
export async function deliverMessage(deps: DeliveryDeps, id: string): Promise<void> {
  const now = deps.clock.now();
  // The grace period is real time, as in the sweep: a claim is made and used within milliseconds.
  const message = await deps.messages.claim(id, now, { staleClaimBefore: new Date(Date.now() - sendingGraceMs) });
  if (message) await deliverClaimed(deps, message);
}

/**
 * Sends a message this process has claimed (by claim, or by recording it already claimed). The
 * recipient's record says whether they opted out and where the WhatsApp window stands: `known` is
 * the record a turn has just read under the number's lock, which saves reading it again.
 */
export async function deliverClaimed(deps: DeliveryDeps, message: OutboundMessage, known?: Contact): Promise<void> {
  await deliverClaimedMany(deps, [message], known);
}

/**
 * Several claimed messages (a turn's replies to one person), in order, with what became of them
 * recorded in one write at the end. A process that dies before that write leaves them "sending":
 * the recovery rule then asks the provider about each.
 */
export async function deliverClaimedMany(deps: DeliveryDeps, messages: OutboundMessage[], known?: Contact): Promise<void> {
  const contacts = new Map<string, Contact | null>(known ? [[known.phoneHash, known]] : []);
  const outcomes: OutboxOutcome[] = [];
  for (const message of messages) {
    if (!contacts.has(message.phoneHash)) contacts.set(message.phoneHash, await deps.contacts.get(message.phoneHash));
    const outcome = await deliverOne(deps, message, contacts.get(message.phoneHash) ?? null);
    if (outcome) outcomes.push(outcome);
  }
  await deps.messages.settle(outcomes);
}

async function deliverOne(deps: DeliveryDeps, message: OutboundMessage, contact: Contact | null): Promise<OutboxOutcome | null> {
  const now = deps.clock.now();
  const suppressed = contact ? contact.suppressed : await deps.contacts.isSuppressed(message.phoneHash);
  if (message.purpose !== 'opt-out-confirmation' && suppressed) {
    return { id: message.id, kind: 'final', status: 'refused', errorCode: null, error: 'recipient opted out (STOP)', at: now };
  }
  let plan = planDelivery({
    channel: message.channel,
    body: message.body,
    purpose: message.purpose,
    lastInboundAt: contact?.lastInboundAt.whatsapp,
    smsAllowed: contact?.smsAllowed ?? true,
    templates: deps.whatsappTemplates,
    templateVariables: message.templateVariables,
    now,
  });
  let result = await attempt(deps, message, plan);
  if (!result.ok && result.reason === 'outside-window' && plan.kind !== 'fallback-sms') {
    plan = whatsappFallback(contact?.smsAllowed ?? true, message.body, `WhatsApp refused the message outside the 24-hour window (${result.errorCode ?? 'no code'})`);
    result = await attempt(deps, message, plan);
  }
  return outcomeOf(deps, message, plan, result);
}

async function attempt(deps: DeliveryDeps, message: OutboundMessage, plan: DeliveryPlan): Promise<SendResult> {
  if (plan.kind === 'impossible') return { ok: false, reason: 'not-configured', errorCode: null, httpStatus: null, message: plan.reason, retryable: false, inDoubt: false };
  const transport = message.channel === 'simulator' ? deps.transports.simulator : deps.transports.twilio;
  if (!transport) return { ok: false, reason: 'not-configured', errorCode: null, httpStatus: null, message: `no transport configured for ${message.channel}`, retryable: false, inDoubt: false };
  const to = deps.phones.decrypt(message.phoneEnc);
  const statusCallback = message.channel === 'simulator' ? undefined : deps.statusCallbackUrl?.(message.id);
  if (plan.kind === 'template') {
    return transport.send({ to, channel: 'whatsapp', contentSid: plan.template.contentSid, contentVariables: plan.template.variables, statusCallback });
  }
  const channel = plan.kind === 'fallback-sms' ? 'sms' : plan.channel;
  return transport.send({ to, channel: channel === 'simulator' ? 'sms' : channel, body: plan.body, statusCallback });
}

/** What the outbox records of an attempt; null when it stays "sending" for the recovery rule. */
async function outcomeOf(deps: DeliveryDeps, message: OutboundMessage, plan: DeliveryPlan, result: SendResult): Promise<OutboxOutcome | null> {
  const at = deps.clock.now();
  if (result.ok) {
    const via: Channel = plan.kind === 'fallback-sms' ? 'sms' : message.channel;
    return { id: message.id, kind: 'sent', providerSid: result.providerSid, via, at, ...(plan.kind === 'fallback-sms' ? { fallbackReason: plan.reason } : {}) };
  }
  deps.logger.warn({ messageId: message.id, errorCode: result.errorCode, httpStatus: result.httpStatus, retryable: result.retryable }, 'message not sent');
  if (result.reason === 'opted-out') {
    await deps.contacts.suppress(message.phoneHash, 'provider-opt-out', at);
  }
  if (result.inDoubt) {
    // No answer at all (a timeout, a dropped connection): the provider may have the message. It stays
    // in "sending", and the outbox sweep decides from the provider's own record whether to send again.
    return null;
  }
  const nextAttemptAt = result.retryable ? nextRetryAt(deps, message.attempts, at) : null;
  if (nextAttemptAt) return { id: message.id, kind: 'retry', nextAttemptAt, errorCode: result.errorCode, error: result.message, at };
  return { id: message.id, kind: 'final', status: 'failed', errorCode: result.errorCode, error: result.message, at };
}

/**
 * The outbox's backoff: when a message that has had `attempts` tries may be tried again (30 s, then
 * doubling), or null once it has had them all. Shared by a refused send and a provider's later report.
 */
export function nextRetryAt(deps: Pick<DeliveryDeps, 'retry'>, attempts: number, at: Date): Date | null {
  const retry = deps.retry ?? { maxAttempts: 5, baseDelayMs: 30_000 };
  if (attempts >= retry.maxAttempts) return null;
  return new Date(at.getTime() + retry.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}
