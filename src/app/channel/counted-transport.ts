import type { MessageTransport } from '../ports/message-transport.js';
import type { Metrics } from '../ports/metrics.js';

/** The same transport, each send counted by channel and outcome (Metrics.send). */
export function countedTransport(transport: MessageTransport, metrics: Metrics): MessageTransport {
  return {
    async send(request) {
      const result = await transport.send(request);
      metrics.send(request.channel, result.ok ? 'sent' : result.reason);
      return result;
    },
    findSent: (query) => transport.findSent(query),
  };
}
