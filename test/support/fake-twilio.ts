import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/**
 * How a request fails: an HTTP error in Twilio's shape, or no answer at all — `hang` keeps the
 * request open until the client gives up (its timeout), `reset` drops the connection with a TCP RST
 * once the request has arrived, so the client cannot know whether Twilio acted on it.
 * `lost-answer` is Twilio acting on the request (the message is sent and listed) while its answer
 * never arrives, as when the sender dies mid-request: the one case only a look at Twilio settles.
 */
export type TwilioFailure = { status: number; code?: number; message?: string } | { network: 'hang' | 'reset' | 'lost-answer' };

export interface FakeSentMessage {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body?: string;
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
  at: Date;
}

export interface FakeTwilio {
  /** e.g. http://127.0.0.1:PORT; pass as apiBase / TWILIO_API_BASE. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Form parameters of every accepted Messages.create, oldest first. */
  sent: FakeSentMessage[];
  /** Every Messages.create request received, including refused ones. */
  requests: number;
  /** The next `count` Messages.create requests (or, with 'list', Messages list reads) fail this way. */
  failNext(count: number, failure: TwilioFailure, request?: 'create' | 'list'): void;
  /** Every Messages.create to this recipient (as sent, e.g. `whatsapp:+44...`) fails until clear(). */
  failFor(to: string, failure: TwilioFailure): void;
  clear(): void;
  /** Stops listening and cuts open connections, keeping its records: clients get ECONNREFUSED. */
  refuseConnections(): Promise<void>;
  /** Listens again on the same port after refuseConnections(). */
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Twilio's Messages REST API, so tests and load tests drive the real twilio
 * SDK end to end without the network: Basic auth, form bodies, Twilio-shaped JSON and errors, and
 * a paged list that the SDK's list() can follow. It "sends" instantly: date_sent is date_created.
 */
export async function startFakeTwilio(options: { accountSid?: string; authToken?: string; now?: () => Date } = {}): Promise<FakeTwilio> {
  // Twilio's clock: the test's clock when given, so a test that moves time moves Twilio's too.
  const now = options.now ?? (() => new Date());
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const failures: Record<'create' | 'list', TwilioFailure[]> = { create: [], list: [] };
  const failuresByRecipient = new Map<string, TwilioFailure>();
  const records: MessageRecord[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => route(req, raw, res));
  });

  const fake: FakeTwilio = {
    url: '',
    accountSid,
    authToken,
    sent: [],
    requests: 0,
    failNext: (count, failure, request = 'create') => failures[request].push(...Array.from({ length: count }, () => failure)),
    failFor: (to, failure) => void failuresByRecipient.set(to, failure),
    clear() {
      fake.sent.length = 0;
      records.length = 0;
      failures.create.length = 0;
      failures.list.length = 0;
      failuresByRecipient.clear();
      fake.requests = 0;
    },
    refuseConnections: () => stopListening(),
    acceptConnections: () => listen(Number(new URL(fake.url).port)),
    close: () => stopListening(),
  };

  function listen(port: number) {
    return new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  function stopListening() {
    return new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  }

  function route(req: http.IncomingMessage, raw: string, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake-twilio');
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages(?:\/(SM[0-9a-f]+))?\.json$/.exec(url.pathname);
    const isCreate = req.method === 'POST' && match !== null && match[2] === undefined;
    if (isCreate) fake.requests++;
    if (!isAuthorised(req.headers.authorization, match?.[1])) return reply(res, 401, errorBody({ status: 401, code: 20003 }));
    if (!match) return reply(res, 404, errorBody({ status: 404, code: 20404 }));
    if (isCreate) return create(new URLSearchParams(raw), req, res);
    if (req.method === 'GET' && match[2]) {
      const record = records.find((candidate) => candidate.sid === match[2]);
      return record ? reply(res, 200, record) : reply(res, 404, errorBody({ status: 404, code: 20404 }));
    }
    if (req.method === 'GET') {
      const failure = failures.list.shift();
      return failure ? fail(req, res, failure) : reply(res, 200, listPage(records, url, accountSid));
    }
    return reply(res, 405, errorBody({ status: 405, code: 20004 }));
  }

  function isAuthorised(header: string | undefined, pathSid: string | undefined): boolean {
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    return header === expected && (pathSid === undefined || pathSid === accountSid);
  }

  function create(form: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse) {
    const param = (name: string) => form.get(name) ?? undefined;
    const to = param('To');
    const failure = failures.create.shift() ?? (to === undefined ? undefined : failuresByRecipient.get(to)) ?? missingParameter(form);
    const lostAnswer = failure !== undefined && 'network' in failure && failure.network === 'lost-answer';
    if (failure && !lostAnswer) return fail(req, res, failure, to);
    const message: FakeSentMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: to ?? '',
      from: param('From'),
      messagingServiceSid: param('MessagingServiceSid'),
      body: param('Body'),
      contentSid: param('ContentSid'),
      contentVariables: param('ContentVariables'),
      statusCallback: param('StatusCallback'),
      at: now(),
    };
    fake.sent.push(message);
    const record = toRecord(message, accountSid);
    records.push(record);
    // Sent, but the answer is left unsent; close() or the client's own timeout ends its connection.
    if (!lostAnswer) reply(res, 201, record);
  }

  await listen(0);
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** The X-Twilio-Signature Twilio would send for a form-encoded webhook to `url`. */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

type MessageRecord = ReturnType<typeof toRecord>;

function fail(req: http.IncomingMessage, res: http.ServerResponse, failure: TwilioFailure, to?: string) {
  if (!('network' in failure)) return reply(res, failure.status, errorBody(failure, to));
  // A hung request is left unanswered; close() or the client's own timeout ends its connection.
  if (failure.network === 'reset') req.socket.resetAndDestroy();
}

const ERROR_MESSAGES: Record<number, string> = {
  20003: 'Authenticate',
  20004: 'Method not allowed',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'An internal server error has occurred',
  21211: "The 'To' number is not a valid phone number.",
  21602: 'Message body is required.',
  21603: "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
  21604: "A 'To' phone number is required.",
  21610: 'Attempt to send to unsubscribed recipient',
  63016: 'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
};

function errorBody(failure: { status: number; code?: number; message?: string }, to?: string) {
  const code = failure.code ?? (failure.status === 429 ? 20429 : failure.status >= 500 ? 20500 : 20001);
  // Twilio names the offending number in this one, so the fake does too: callers must not pass it on.
  const invalidNumber = code === 21211 && to ? `The 'To' number ${to} is not a valid phone number.` : undefined;
  const message = failure.message ?? invalidNumber ?? ERROR_MESSAGES[code] ?? 'Request failed';
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: failure.status };
}

function missingParameter(form: URLSearchParams): TwilioFailure | undefined {
  if (!form.get('To')) return { status: 400, code: 21604 };
  if (!form.get('From') && !form.get('MessagingServiceSid')) return { status: 400, code: 21603 };
  if (!form.get('Body') && !form.get('ContentSid') && !form.get('MediaUrl')) return { status: 400, code: 21602 };
  return undefined;
}

function toRecord(message: FakeSentMessage, accountSid: string) {
  const date = message.at.toUTCString().replace('GMT', '+0000');
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`;
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: message.body ?? '',
    date_created: date,
    date_sent: date,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from ?? null,
    messaging_service_sid: message.messagingServiceSid ?? null,
    num_media: '0',
    num_segments: String(countSegments(message.body ?? '')),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: 'queued',
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: message.to,
    uri,
  };
}

/** Newest first, like Twilio; `DateSent>` arrives as `DateSent>=...` once form-encoded, hence >=. */
function listPage(records: MessageRecord[], url: URL, accountSid: string) {
  const query = url.searchParams;
  const to = query.get('To');
  const from = query.get('From');
  const after = query.get('DateSent>');
  const before = query.get('DateSent<');
  const on = query.get('DateSent');
  const matching = records
    .filter((record) => (to === null || record.to === to) && (from === null || record.from === from))
    .filter((record) => {
      const at = Date.parse(record.date_created);
      return (after === null || at >= Date.parse(after))
        && (before === null || at < endOf(before))
        && (on === null || (at >= Date.parse(on.slice(0, 10)) && at < endOf(on.slice(0, 10))));
    })
    .reverse();
  const pageSize = Math.max(1, Math.min(1000, Number(query.get('PageSize') ?? 50) || 50));
  const page = Math.max(0, Number(query.get('Page') ?? 0) || 0);
  const messages = matching.slice(page * pageSize, (page + 1) * pageSize);
  const pageUri = (index: number) => {
    const next = new URLSearchParams(query);
    next.set('Page', String(index));
    next.set('PageSize', String(pageSize));
    return `/2010-04-01/Accounts/${accountSid}/Messages.json?${next.toString()}`;
  };
  return {
    messages,
    page,
    page_size: pageSize,
    start: page * pageSize,
    end: page * pageSize + Math.max(0, messages.length - 1),
    uri: pageUri(page),
    first_page_uri: pageUri(0),
    previous_page_uri: page > 0 ? pageUri(page - 1) : null,
    next_page_uri: (page + 1) * pageSize < matching.length ? pageUri(page + 1) : null,
  };
}

/** Twilio reads `DateSent<=YYYY-MM-DD` as "on or before that day", so a bare date means end of day. */
function endOf(value: string): number {
  const at = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? at + 86_400_000 : at + 1;
}

function countSegments(body: string): number {
  const gsm = /^[\x20-\x7E\r\n£¥èéùìòÇØøÅåÉÆæßÄÖÑÜ§¿äöñüà€]*$/.test(body);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / multi);
}

function reply(res: http.ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}
