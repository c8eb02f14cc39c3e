import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Clock } from '../../app/ports/clock.js';
import type { MessageTransport } from '../../app/ports/message-transport.js';
import { systemClock } from '../clock/system-clock.js';

export interface SimulatedMessage {
  sid: string;
  to: string;
  body: string;
  /** By the service's clock, like the instants the outbox's recovery asks about (`findSent`). */
  at: Date;
}

/**
 * The simulator's "phone network": accepts messages like a provider would and announces them to
 * whoever is listening (the simulator page's event stream). Kept in memory: the messages collection
 * is the record.
 */
export class SimulatorTransport extends EventEmitter implements MessageTransport {
  readonly delivered: SimulatedMessage[] = [];

  constructor(private readonly clock: Clock = systemClock) {
    super();
  }

  async send(request: Parameters<MessageTransport['send']>[0]) {
    if (!request.body) return { ok: false as const, reason: 'rejected' as const, errorCode: null, httpStatus: null, message: 'the simulator only carries text', retryable: false, inDoubt: false };
    const message: SimulatedMessage = { sid: `SIM${randomBytes(16).toString('hex')}`, to: request.to, body: request.body, at: this.clock.now() };
    this.delivered.push(message);
    if (this.delivered.length > 5000) this.delivered.shift();
    this.emit('message', message);
    return { ok: true as const, providerSid: message.sid, status: 'delivered' };
  }

  async findSent(query: Parameters<MessageTransport['findSent']>[0]) {
    const found = [...this.delivered].reverse().find((m) => m.to === query.to && m.at >= query.since && (!query.body || m.body === query.body));
    return found ? { providerSid: found.sid, status: 'delivered' } : null;
  }
}
