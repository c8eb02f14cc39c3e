import { randomUUID } from 'node:crypto';
import type { OutgoingText } from '../../src/app/cases/case-deps.js';
import type { Clock } from '../../src/app/ports/clock.js';
import type { MessageLog } from '../../src/app/ports/message-log.js';

/**
 * How a CLI command texts staff: it records the message in the outbox as due, and the running
 * server's outbox sweep (every 30 s) sends it with its own provider and status callbacks. The CLI
 * holds no Twilio client, and a message recorded twice under one id (a command run again) is kept
 * once, as for the server's own sends.
 */
export function outboxSender(messages: Pick<MessageLog, 'insertOutbound'>, clock: Pick<Clock, 'now'>): (message: OutgoingText) => Promise<string> {
  return async (message) => {
    const now = clock.now();
    const id = message.id ?? randomUUID();
    await messages.insertOutbound({
      id,
      channel: message.channel,
      phoneHash: message.phoneHash,
      phoneEnc: message.phoneEnc,
      body: message.body,
      purpose: message.purpose,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: message.notBefore && message.notBefore > now ? message.notBefore : now,
      createdAt: now,
    });
    return id;
  };
}
