import pino from 'pino';
import { maskSensitiveText } from './domain/privacy/mask-sensitive-text.js';
import { LogPipe } from './log-pipe.js';
import { scrubForLog } from './scrub-for-log.js';

export type Logger = pino.Logger;

/**
 * Structured JSON logs that carry no secret and no phone number, at any level and at any depth:
 * - every logged object, the base bindings and every printf argument is copied through
 *   scrubForLog, which censors sensitive keys wherever they sit and cuts errors down to type,
 *   message, stack and codes (pino's `redact` paths only reach the depths written in them);
 * - the finished line then has phone numbers and credentials masked in one pass, which covers the
 *   message, error messages and stacks, and every other string alike.
 * pino applies formatters.bindings to the root logger only: a `child()` logger's bindings get the
 * final pass but not the key-based censoring, so bind identifiers to children, never secrets.
 * Without a destination the lines go to stdout through a LogPipe, which a closed or stalled pipe
 * cannot hold up (pino's own stdout destination could, at exit).
 */
export function createLogger(level: string, destination: pino.DestinationStream = new LogPipe(1)): Logger {
  return pino(
    {
      level,
      base: { service: 'promptly' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: scrubFields, bindings: scrubFields },
      // formatters.log has already made `err` safe; pino's standard serializer would copy every
      // enumerable property of an error back in (an axios error's config, request and response).
      serializers: { err: (error: unknown) => error },
      hooks: {
        logMethod(args, method) {
          // `log.info('%o', value)` formats value into the message, where formatters.log never sees it.
          const first = typeof args[0] === 'string' ? 1 : 2;
          if (args.length <= first) return method.apply(this, args);
          const scrubbed = args.map((arg, index) => (index >= first && typeof arg === 'object' && arg !== null ? scrubForLog(arg) : arg));
          return method.apply(this, scrubbed as typeof args);
        },
        streamWrite: maskSensitiveText,
      },
    },
    destination,
  );
}

function scrubFields(fields: object): Record<string, unknown> {
  return scrubForLog(fields) as Record<string, unknown>;
}
