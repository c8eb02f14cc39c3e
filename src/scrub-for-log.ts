import { types } from 'node:util';

/**
 * A copy of a value that is safe to log: values under sensitive keys are censored at any depth,
 * errors are cut down to what explains them, and the walk is bounded so a careless
 * `log.info({ socket })` costs little. Phone numbers inside strings are masked later, on the
 * finished line (see logger.ts), so that the message and every string are covered in one pass.
 */
export function scrubForLog(value: unknown): unknown {
  return scrub(value, 0, new Set(), { nodes: maxNodes });
}

const censored = '[redacted]';
const maxDepth = 8;
const maxKeys = 100;
const maxItems = 50;
const maxNodes = 2000;

/**
 * Keys whose values are never logged, compared without case, `-` or `_`. `to`, `from` and `body`
 * are Twilio's fields (To, From, Body) and carry a number or what somebody wrote.
 */
const sensitiveKeys = new Set([
  'phone', 'phoneenc', 'mobile', 'msisdn', 'to', 'from', 'body', 'text',
  'auth', 'username', 'pwd', 'accountsid', 'apikey', 'xapikey',
]);
/** Any key containing one of these, e.g. authToken, adminApiToken, clientSecret, set-cookie, x-twilio-signature. */
const sensitiveParts = ['authorization', 'password', 'passwd', 'secret', 'token', 'cookie', 'privatekey', 'encryptionkey', 'signature', 'credential', 'phonenumber'];

/**
 * What of an error may be logged. Everything else stays out: an HTTP client's error carries the
 * request it was about (an axios error's `config.headers.Authorization`, `config.data` with the
 * recipient and the text, the socket), and no error needs those to be understood.
 */
const errorFields = ['message', 'stack', 'code', 'status', 'statusCode', 'errno', 'syscall', 'codeName', 'moreInfo'];

function isSensitiveKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[-_]/g, '');
  return sensitiveKeys.has(normal) || sensitiveParts.some((part) => normal.includes(part));
}

type Budget = { nodes: number };

function scrub(value: unknown, depth: number, ancestors: Set<object>, budget: Budget): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= maxDepth || --budget.nodes < 0) return Array.isArray(value) ? '[Array]' : '[Object]';
  // isNativeError also knows errors made in another realm (Node's own socket errors under Jest's vm).
  if (value instanceof Error || types.isNativeError(value)) return scrubError(value as Error, depth, ancestors, budget);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.slice(0, maxItems).map((item) => scrub(item, depth + 1, ancestors, budget));
      return value.length > maxItems ? [...items, `[${value.length - maxItems} more]`] : items;
    }
    // ObjectId, URL and the like: log what JSON would show, but walk it like any other value.
    const toJSON = read(value, 'toJSON');
    if (typeof toJSON === 'function') return scrub(readWith(() => toJSON.call(value) as unknown), depth + 1, ancestors, budget);
    return scrubObject(value, depth, ancestors, budget);
  } finally {
    ancestors.delete(value);
  }
}

function scrubObject(value: object, depth: number, ancestors: Set<object>, budget: Budget): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const key of keys.slice(0, maxKeys)) {
    const item = read(value, key);
    copy[key] = isSensitiveKey(key) && item !== undefined && item !== null ? censored : scrub(item, depth + 1, ancestors, budget);
  }
  if (keys.length > maxKeys) copy['[truncated]'] = `${keys.length - maxKeys} more keys`;
  return copy;
}

function scrubError(error: Error, depth: number, ancestors: Set<object>, budget: Budget): Record<string, unknown> {
  const safe: Record<string, unknown> = { type: error.name || error.constructor?.name || 'Error' };
  for (const field of errorFields) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') safe[field] = value;
  }
  ancestors.add(error);
  try {
    if (error.cause !== undefined) safe.cause = scrub(error.cause, depth + 1, ancestors, budget);
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors)) safe.errors = scrub(errors, depth + 1, ancestors, budget);
  } finally {
    ancestors.delete(error);
  }
  return safe;
}

/** A getter that throws must not make the log call throw. */
function read(value: object, key: string): unknown {
  return readWith(() => (value as Record<string, unknown>)[key]);
}

function readWith(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return '[unreadable]';
  }
}
