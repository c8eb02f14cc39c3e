import net from 'node:net';
import { createTwilioTransport, type TwilioSettings } from '../../src/adapters/twilio/twilio-transport.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';

const to = '+447700900123';
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterEach(() => fake.clear());
afterAll(() => fake.close());

function settings(overrides: Partial<TwilioSettings> = {}): TwilioSettings {
  return { accountSid: fake.accountSid, authToken: fake.authToken, smsFrom: '+447700900001', whatsappFrom: 'whatsapp:+447700900002', apiBase: fake.url, ...overrides };
}

describe('createTwilioTransport: send', () => {
  it('when an SMS is sent with a from number, then Twilio receives it from that number', async () => {
    const result = await createTwilioTransport(settings()).send({ to, channel: 'sms', body: 'How are you today? Reply 1-5' });
    expect(result).toEqual({ ok: true, providerSid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued' });
    expect(fake.sent).toEqual([expect.objectContaining({ to, from: '+447700900001', body: 'How are you today? Reply 1-5' })]);
    expect(fake.sent[0]?.sid).toBe(result.ok ? result.providerSid : undefined);
  });

  it('when a messaging service is configured, then SMS goes through the service instead of the from number', async () => {
    const transport = createTwilioTransport(settings({ messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' }));
    await transport.send({ to, channel: 'sms', body: 'hello' });
    expect(fake.sent[0]).toMatchObject({ messagingServiceSid: 'MG0123456789abcdef0123456789abcdef', from: undefined });
  });

  it('when a WhatsApp template is sent, then the prefixed addresses, content SID and variables arrive', async () => {
    const result = await createTwilioTransport(settings()).send({
      to, channel: 'whatsapp', contentSid: 'HX0123456789abcdef0123456789abcdef', contentVariables: { 1: 'Sam', 2: 'Friday' },
    });
    expect(result.ok).toBe(true);
    expect(fake.sent[0]).toMatchObject({
      to: `whatsapp:${to}`, from: 'whatsapp:+447700900002', contentSid: 'HX0123456789abcdef0123456789abcdef', body: undefined,
    });
    expect(JSON.parse(fake.sent[0]?.contentVariables ?? '')).toEqual({ 1: 'Sam', 2: 'Friday' });
  });

  it('when the WhatsApp sender is configured without its prefix, then the prefix is added', async () => {
    await createTwilioTransport(settings({ whatsappFrom: '+447700900002' })).send({ to, channel: 'whatsapp', body: 'hi' });
    expect(fake.sent[0]?.from).toBe('whatsapp:+447700900002');
  });

  it('when a status callback is given, then Twilio receives it', async () => {
    await createTwilioTransport(settings()).send({ to, channel: 'sms', body: 'hi', statusCallback: 'https://promptly.example/webhooks/twilio/status' });
    expect(fake.sent[0]?.statusCallback).toBe('https://promptly.example/webhooks/twilio/status');
  });

  it('when no SMS sender is configured, then the send fails without calling Twilio and is not retryable', async () => {
    const result = await createTwilioTransport(settings({ smsFrom: undefined })).send({ to, channel: 'sms', body: 'hi' });
    expect(result).toMatchObject({ ok: false, errorCode: null, httpStatus: null, retryable: false });
    expect(fake.requests).toBe(0);
  });

  it.each([
    [{ status: 400, code: 21610 }, 21610, 400, false, 'opted-out'],
    [{ status: 400, code: 63016 }, 63016, 400, false, 'outside-window'],
    [{ status: 400, code: 21211 }, 21211, 400, false, 'unreachable'],
    [{ status: 429 }, 20429, 429, true, 'rate-limited'],
    [{ status: 500 }, 20500, 500, true, 'unavailable'],
    [{ status: 503, code: 20503 }, 20503, 503, true, 'unavailable'],
  ])('when Twilio answers %j, then the error code is %d, HTTP %d, retryable %s, and the outbox reads it as %s', async (failure, errorCode, httpStatus, retryable, reason) => {
    fake.failNext(1, failure);
    const result = await createTwilioTransport(settings()).send({ to, channel: 'sms', body: 'hi' });
    expect(result).toEqual({ ok: false, reason, errorCode, httpStatus, retryable, inDoubt: false, message: expect.any(String) });
    expect(fake.sent).toHaveLength(0);
  });

  it('when Twilio answers 429, then the SDK does not retry on its own', async () => {
    fake.failNext(1, { status: 429 });
    const result = await createTwilioTransport(settings()).send({ to, channel: 'sms', body: 'hi' });
    expect(result.ok).toBe(false);
    expect(fake.requests).toBe(1);
  });

  it('when Twilio refuses a recipient who unsubscribed, then the reason is kept in the message', async () => {
    fake.failFor(`whatsapp:${to}`, { status: 400, code: 21610 });
    const transport = createTwilioTransport(settings());
    const whatsapp = await transport.send({ to, channel: 'whatsapp', body: 'hi' });
    const sms = await transport.send({ to, channel: 'sms', body: 'hi' });
    expect(whatsapp).toMatchObject({ ok: false, errorCode: 21610, message: 'Attempt to send to unsubscribed recipient' });
    expect(sms.ok).toBe(true);
  });

  it('when the credentials are wrong, then the send fails with 401 and is not retryable', async () => {
    const result = await createTwilioTransport(settings({ authToken: 'wrong' })).send({ to, channel: 'sms', body: 'hi' });
    expect(result).toMatchObject({ ok: false, errorCode: 20003, httpStatus: 401, retryable: false });
  });

  it('when nothing listens at the API base, then the send fails as retryable', async () => {
    const apiBase = await unusedLocalUrl();
    const result = await createTwilioTransport(settings({ apiBase })).send({ to, channel: 'sms', body: 'hi' });
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', errorCode: null, httpStatus: null, retryable: true, inDoubt: false });
    expect(result.ok ? '' : result.message).toContain('ECONNREFUSED');
  });
});

describe('createTwilioTransport: findSent', () => {
  it('when Twilio accepted a matching message since the attempt began, then it is found', async () => {
    const since = new Date();
    const transport = createTwilioTransport(settings());
    const sent = await transport.send({ to, channel: 'sms', body: 'Question 1 of 4' });
    await createTwilioTransport(settings()).send({ to: '+447700900999', channel: 'sms', body: 'Question 1 of 4' });
    const found = await transport.findSent({ to, channel: 'sms', since, body: 'Question 1 of 4' });
    expect(found).toEqual({ providerSid: sent.ok ? sent.providerSid : '', status: 'queued' });
  });

  it('when the recipient has several messages, then the newest match wins', async () => {
    const transport = createTwilioTransport(settings());
    await transport.send({ to, channel: 'whatsapp', body: 'same' });
    const newest = await transport.send({ to, channel: 'whatsapp', body: 'same' });
    const found = await transport.findSent({ to, channel: 'whatsapp', since: new Date(Date.now() - 60_000) });
    expect(found?.providerSid).toBe(newest.ok ? newest.providerSid : '');
  });

  it('when the body differs, the channel differs, or the message is older, then nothing is found', async () => {
    const transport = createTwilioTransport(settings());
    await transport.send({ to, channel: 'sms', body: 'Question 1 of 4' });
    expect(await transport.findSent({ to, channel: 'sms', since: new Date(Date.now() - 60_000), body: 'Question 2 of 4' })).toBeNull();
    expect(await transport.findSent({ to, channel: 'whatsapp', since: new Date(Date.now() - 60_000) })).toBeNull();
    expect(await transport.findSent({ to, channel: 'sms', since: new Date(Date.now() + 5_000) })).toBeNull();
  });

  it('when Twilio cannot be asked, then findSent throws rather than claiming nothing was sent', async () => {
    const transport = createTwilioTransport(settings({ apiBase: await unusedLocalUrl() }));
    await expect(transport.findSent({ to, channel: 'sms', since: new Date() })).rejects.toThrow();
  });
});

async function unusedLocalUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
