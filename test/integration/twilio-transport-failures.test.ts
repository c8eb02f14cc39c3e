import { createTwilioTransport, type TwilioSettings } from '../../src/adapters/twilio/twilio-transport.js';
import { TwilioRequestError } from '../../src/adapters/twilio/twilio-request-error.js';
import { startFakeTwilio, type FakeTwilio, type TwilioFailure } from '../support/fake-twilio.js';

const to = '+447700900123';
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterEach(() => fake.clear());
afterAll(() => fake.close());

function settings(overrides: Partial<TwilioSettings> = {}): TwilioSettings {
  return { accountSid: fake.accountSid, authToken: fake.authToken, smsFrom: '+447700900001', apiBase: fake.url, requestTimeoutMs: 300, ...overrides };
}

/** Everything a failure could leak: the credentials and the recipient in any form. */
function expectNothingSensitive(text: string) {
  const basic = Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64');
  for (const secret of [fake.authToken, fake.accountSid, basic, '7700900123', '7700900001']) expect(text).not.toContain(secret);
}

describe('createTwilioTransport: failures without an HTTP answer', () => {
  it.each<[string, TwilioFailure, RegExp]>([
    ['Twilio never answers', { network: 'hang' }, /^ECONNABORTED: timeout of 300ms exceeded$/],
    ['the connection is reset', { network: 'reset' }, /ECONNRESET/],
  ])('when %s, then the send fails as retryable with no HTTP status, in doubt (Twilio may have it)', async (_what, failure, message) => {
    fake.failNext(1, failure);
    const result = await createTwilioTransport(settings()).send({ to, channel: 'sms', body: 'hi' });
    expect(result).toEqual({ ok: false, reason: 'unavailable', errorCode: null, httpStatus: null, retryable: true, inDoubt: true, message: expect.stringMatching(message) });
    expect(fake.requests).toBe(1);
  });

  it('when the fake refuses connections and then accepts them again, then sends fail with ECONNREFUSED and then succeed', async () => {
    const transport = createTwilioTransport(settings());
    await fake.refuseConnections();
    try {
      expect(await transport.send({ to, channel: 'sms', body: 'hi' })).toMatchObject({ ok: false, retryable: true, message: expect.stringContaining('ECONNREFUSED') });
    } finally {
      await fake.acceptConnections();
    }
    expect(await transport.send({ to, channel: 'sms', body: 'hi' })).toMatchObject({ ok: true });
  });
});

describe('createTwilioTransport: what a failure says', () => {
  it("when Twilio's message quotes the refused number, then the result's message has it masked", async () => {
    fake.failNext(1, { status: 400, code: 21211 });
    const result = await createTwilioTransport(settings()).send({ to, channel: 'sms', body: 'hi' });
    expect(result).toMatchObject({ ok: false, errorCode: 21211, message: "The 'To' number [phone] is not a valid phone number." });
  });

  it.each<[string, TwilioFailure, { code: unknown; status: number | null }]>([
    ['answers 500', { status: 500 }, { code: 20500, status: 500 }],
    ['answers 429', { status: 429 }, { code: 20429, status: 429 }],
    ['never answers', { network: 'hang' }, { code: 'ECONNABORTED', status: null }],
    ['resets the connection', { network: 'reset' }, { code: 'ECONNRESET', status: null }],
  ])('when the recovery check %s, then findSent throws a TwilioRequestError carrying no part of the request', async (_what, failure, expected) => {
    fake.failNext(1, failure, 'list');
    const error: unknown = await createTwilioTransport(settings()).findSent({ to, channel: 'sms', since: new Date() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwilioRequestError);
    expect(error).toMatchObject(expected);
    expect(Object.keys(error as object).sort()).toEqual(['code', 'name', 'status']);
    expectNothingSensitive(`${String((error as Error).stack)} ${JSON.stringify(error)}`);
  });
});
