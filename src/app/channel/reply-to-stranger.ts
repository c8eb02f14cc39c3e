import { optOutIntent } from '../../domain/messaging/opt-out-intent.js';
import { normalisePhoneNumber } from '../../domain/messaging/phone-number.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { OnceLog } from '../ports/once-log.js';
import type { Clock } from '../ports/clock.js';
import type { ContactBook } from '../ports/contact-book.js';
import type { MessageTransport } from '../ports/message-transport.js';

/**
 * A number that is neither staff nor an enrolled service-user gets one polite generic reply a day
 * and nothing else. Nothing about them is stored but a keyed hash for that limit (and, if they say
 * STOP, on the suppression list): their message is not logged, and the reply goes straight to the
 * provider without an outbox record. Their opt-out words work as anyone's do: STOP (any form)
 * suppresses the number, silently, as we owe a stranger nothing more; START lifts it, so someone
 * who stopped before they were enrolled can opt back in.
 */
export async function replyToStranger(
  deps: { contacts: ContactBook; /** Keyed by the number's keyed hash and the local date. */ limits: OnceLog; transports: Partial<Record<'twilio' | 'simulator', MessageTransport>>; clock: Clock; orgName: string; timezone: string },
  message: { phone: string; phoneHash: string; channel: Channel; body: string; optOutType?: string },
): Promise<'replied' | 'already-replied-today' | 'suppressed' | 'not-a-phone-number'> {
  // `From` is whoever the provider says sent the message: an alphanumeric sender, a short code or
  // a malformed address is nobody a text can reach, so it gets nothing (and is not recorded).
  const phone = normalisePhoneNumber(message.phone);
  if (!phone.ok || phone.e164 !== message.phone) return 'not-a-phone-number';
  const now = deps.clock.now();
  const suppressed = await deps.contacts.isSuppressed(message.phoneHash);
  const intent = optOutIntent(message, suppressed);
  if (intent === 'stop') {
    await deps.contacts.suppress(message.phoneHash, 'STOP', now);
    return 'suppressed';
  }
  if (intent === 'start' && suppressed) await deps.contacts.unsuppress(message.phoneHash);
  else if (suppressed) return 'suppressed';
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: deps.timezone }).format(now);
  if (!(await deps.limits.claim(`${message.phoneHash}:${day}`, now))) return 'already-replied-today';
  const transport = message.channel === 'simulator' ? deps.transports.simulator : deps.transports.twilio;
  await transport?.send({
    to: message.phone,
    channel: message.channel === 'whatsapp' ? 'whatsapp' : 'sms',
    body: `This is ${deps.orgName}'s automated wellbeing text service. If you expected to hear from us, please contact your support worker. Reply STOP to stop.`,
  });
  return 'replied';
}
