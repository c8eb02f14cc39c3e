import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Phone numbers and message bodies never reach a log line: the fields that
 * could carry them are censored wherever they appear, so a careless `log.info({ msg })` stays safe.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'promptly' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: sensitivePaths, censor: '[redacted]' },
    },
    destination,
  );
}

const sensitiveKeys = ['phone', 'to', 'from', 'body', 'text', 'To', 'From', 'Body', 'authToken', 'encryptionKey', 'adminApiToken', 'authorization'];
const sensitivePaths = [
  ...sensitiveKeys,
  ...sensitiveKeys.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
];
