import { deliverMessage, type DeliveryDeps } from './deliver-message.js';
import type { OutboundMessage } from '../ports/message-log.js';
import { sendingGraceMs } from './sending-grace.js';

/**
 * The outbox's recovery rule, run periodically and at start-up. Every state a crash can leave:
 * - pending and due: send it (a crash after recording and before sending loses nothing);
 * - pending with an attempt marker older than the grace period: the process died between claiming
 *   the attempt and marking the message "sending"; the claim turns it into "sending" (below);
 * - stuck in "sending" for longer than the grace period: the process died mid-attempt. Ask the
 *   provider whether it accepted a message to that number since the attempt began. If it did,
 *   record it as sent (no duplicate); if it has no such message, that is the evidence the first
 *   attempt failed, and the message goes back to pending to be sent again. If the provider cannot
 *   be asked, the message stays as it is until the next sweep.
 */
export async function sweepOutbox(deps: DeliveryDeps, limit = 100): Promise<{ recovered: number; resent: number; delivered: number }> {
  const now = deps.clock.now();
  let recovered = 0;
  let resent = 0;
  for (const message of await deps.messages.stuckSending(new Date(now.getTime() - sendingGraceMs))) {
    // The grace period is for a process to finish its attempt, so it is real time: under TIME_SCALE
    // the service's clock passes it within milliseconds, while the attempt is still under way.
    if (message.sendingSince && deps.clock.toReal(now).getTime() - deps.clock.toReal(message.sendingSince).getTime() < sendingGraceMs) continue;
    let record: Awaited<ReturnType<typeof providerRecord>>;
    try {
      record = await providerRecord(deps, message);
    } catch (error) {
      // Safe to log whole: transports throw their own summary (code, status, masked message), never
      // the HTTP client's error with its request, and the logger keeps only an error's codes and text.
      deps.logger.warn({ err: error, messageId: message.id }, 'could not check an interrupted send; will try again');
      continue;
    }
    if (record && record !== 'cannot-ask') {
      await deps.messages.markSent(message.id, { providerSid: record.providerSid, via: message.channel, at: now, recovered: true });
      recovered++;
      continue;
    }
    const error = record === 'cannot-ask' ? 'interrupted attempt on a channel with no provider record' : 'interrupted attempt; the provider has no record of it';
    await deps.messages.markRetry(message.id, { nextAttemptAt: now, errorCode: null, error, at: now });
    resent++;
  }
  const due = await deps.messages.dueOutbound(now, limit);
  for (const id of due) await deliverMessage(deps, id);
  return { recovered, resent, delivered: due.length };
}

/**
 * What the provider knows of an interrupted attempt: the message it accepted, null when it has none,
 * or 'cannot-ask' where no provider keeps a record (the simulator keeps nothing across a crash).
 * Throws when the provider cannot be reached, so "could not check" is never read as "not sent".
 */
async function providerRecord(deps: DeliveryDeps, message: OutboundMessage) {
  const transport = deps.transports.twilio;
  if (message.channel === 'simulator' || !transport || !message.sendingSince) return 'cannot-ask' as const;
  const to = deps.phones.decrypt(message.phoneEnc);
  // WhatsApp templates are stored by the provider as their filled-in text, so only SMS bodies are compared.
  const body = message.channel === 'sms' ? message.body : undefined;
  return transport.findSent({ to, channel: message.channel, since: new Date(message.sendingSince.getTime() - 5000), body });
}
