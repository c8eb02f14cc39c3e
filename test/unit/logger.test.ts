import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

describe('logger', () => {
  const basic = Buffer.from(`AC${'0a'.repeat(16)}:${'f'.repeat(32)}`).toString('base64');
  let lines: string[];
  let logger: Logger;
  beforeEach(() => {
    lines = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    logger = createLogger('trace', sink);
  });
  const only = () => {
    expect(lines).toHaveLength(1);
    return { line: lines[0] ?? '', json: JSON.parse(lines[0] ?? '{}') as Record<string, unknown> };
  };

  it('when a log line carries a phone number or message body, then they are redacted', () => {
    logger.info({ phone: '+447700900123', message: { From: '+447700900123', Body: 'I feel low', To: '+447700900000' }, body: 'hello' }, 'inbound');
    const { line, json } = only();
    expect(json).toMatchObject({ level: 30, msg: 'inbound', service: 'promptly', phone: '[redacted]', body: '[redacted]' });
    expect(line).not.toContain('7700900123');
    expect(line).not.toContain('I feel low');
  });

  it('when secrets sit deep in nested objects and arrays, then they are censored wherever they are', () => {
    logger.info({
      a: { b: { c: { d: { e: { authorization: `Basic ${basic}`, AuthToken: 'tok-1', password: 'pw-1', clientSecret: 'sec-1', 'set-cookie': ['sid=1'] } } } } },
      list: [{ To: '+447700900123', From: '+447700900000', Body: 'Q1' }, [{ 'X-Twilio-Signature': 'sig-1', adminApiToken: 'admin-1', encryptionKey: 'key-1' }]],
      kept: { count: 3, when: new Date('2026-12-01T11:00:00Z') },
    });
    const { line, json } = only();
    for (const secret of [basic, 'tok-1', 'pw-1', 'sec-1', 'sid=1', '7700900123', '7700900000', 'Q1', 'sig-1', 'admin-1', 'key-1']) expect(line).not.toContain(secret);
    expect(json).toMatchObject({
      a: { b: { c: { d: { e: { authorization: '[redacted]', AuthToken: '[redacted]', password: '[redacted]', clientSecret: '[redacted]', 'set-cookie': '[redacted]' } } } } },
      list: [{ To: '[redacted]', From: '[redacted]', Body: '[redacted]' }, [{ 'X-Twilio-Signature': '[redacted]', adminApiToken: '[redacted]', encryptionKey: '[redacted]' }]],
      kept: { count: 3, when: '2026-12-01T11:00:00.000Z' },
    });
  });

  it('when an HTTP client error carrying its request is logged, then only its type, message, stack and codes are written', () => {
    // The shape of an axios error from the twilio SDK: the request rides along in config and request.
    const error = Object.assign(new Error("The 'To' number +447700900123 is not a valid phone number."), {
      code: 'ECONNRESET',
      status: 400,
      isAxiosError: true,
      config: { url: `https://api.twilio.com/2010-04-01/Accounts/AC${'0a'.repeat(16)}/Messages.json`, headers: { Authorization: `Basic ${basic}` }, data: 'To=%2B447700900123&Body=I+feel+low' },
      request: { _header: `POST /Messages.json\r\nAuthorization: Basic ${basic}\r\n` },
      response: undefined,
    });
    logger.warn({ err: error, nested: { failure: error } }, 'send failed');
    const { line, json } = only();
    expect(line).not.toContain(basic);
    expect(line).not.toContain('7700900123');
    expect(line).not.toContain('feel');
    expect(line).not.toContain('0a0a0a0a');
    expect(json.err).toEqual({
      type: 'Error', code: 'ECONNRESET', status: 400, message: "The 'To' number [phone] is not a valid phone number.",
      stack: expect.stringMatching(/^Error: The 'To' number \[phone\] is not/),
    });
    expect(json.nested).toEqual({ failure: json.err });
  });

  it('when an error is logged on its own, then its message becomes the line message with numbers masked, and its cause is kept safely', () => {
    logger.error(new Error('could not text 07700 900123', { cause: Object.assign(new Error('socket to +447700900124 closed'), { config: { headers: { Authorization: 'Basic abcdefgh' } } }) }));
    const { line, json } = only();
    expect(json).toMatchObject({ msg: 'could not text [phone]', err: { cause: { type: 'Error', message: 'socket to [phone] closed' } } });
    expect(line).not.toMatch(/7700|abcdefgh/);
  });

  it('when the message or its printf arguments carry numbers or credentials, then they are masked', () => {
    logger.info('texted %s and %s, then whatsapp:+447700900125 and 07700900126 with %o', '07700 900123', '+44 7700 900124', { note: 'Bearer abc.def.ghi', password: 'pw-2' });
    const { json } = only();
    expect(json.msg).toBe('texted [phone] and [phone], then [phone] and [phone] with {"note":"Bearer [redacted]","password":"[redacted]"}');
  });

  it('when a child logger is bound to phone numbers, then they are masked in its lines', () => {
    // pino runs formatters.bindings for the root logger only, so a child's bindings get the final
    // text pass (numbers, credentials) but not the key-based censoring: bind ids, never secrets.
    logger.child({ phone: '+447700900123', note: 'from 07700 900124', requestId: 'r-1' }).info('hello');
    const { line, json } = only();
    expect(json).toMatchObject({ phone: '[phone]', note: 'from [phone]', requestId: 'r-1' });
    expect(line).not.toContain('7700');
  });

  it('when identifiers and timestamps are logged, then they are left intact', () => {
    const ids = {
      messageId: '550e8400-0123-4567-89ab-012345678901',
      sid: `SM${'0'.repeat(10)}${'a'.repeat(22)}`,
      objectId: '0123456789abcdef01234567',
      at: '2026-12-01T11:00:00.000Z',
      epochMs: '1764590400000',
      port: 'http://127.0.0.1:43489/',
      plan: 'SU-0042 at 6w, score 12.0123456789',
    };
    logger.info(ids, 'ids');
    expect(only().json).toMatchObject(ids);
  });

  it('when the logged object is circular, very deep, very wide or very long, then the line is bounded and still written', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    let deep: Record<string, unknown> = { phone: '+447700900123' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const long = Array.from({ length: 10_000 }, (_, i) => ({ i }));
    logger.info({ circular, deep, wide, long });
    const { line, json } = only();
    expect(json.circular).toEqual({ name: 'loop', self: '[Circular]' });
    expect(line).toContain('"[Object]"');
    expect(Object.keys(json.wide as object)).toHaveLength(101);
    expect(json.wide).toMatchObject({ k0: 0, '[truncated]': '4900 more keys' });
    expect(json.long).toHaveLength(51);
    expect((json.long as unknown[]).at(-1)).toBe('[9950 more]');
    expect(line.length).toBeLessThan(20_000);
  });

  it('when a logged object has a getter that throws, then the line is still written', () => {
    const awkward = { ok: 1, get broken(): never { throw new Error('no'); } };
    logger.info({ awkward });
    expect(only().json.awkward).toEqual({ ok: 1, broken: '[unreadable]' });
  });

  it('when an object is logged, then the caller\'s object is not changed', () => {
    const fields = { to: '+447700900123', nested: { password: 'pw' } };
    logger.info(fields);
    expect(fields).toEqual({ to: '+447700900123', nested: { password: 'pw' } });
  });
});
