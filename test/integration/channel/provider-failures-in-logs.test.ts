import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { addProgramme } from '../../../src/app/admin/add-programme.js';
import { sendMessage } from '../../../src/app/channel/send-message.js';
import { sweepOutbox } from '../../../src/app/channel/sweep-outbox.js';
import { createLogger } from '../../../src/logger.js';
import { startService, type RunningService } from '../../../src/main.js';
import { publicBaseUrl } from '../../support/channel-harness.js';
import { signTwilioRequest, startFakeTwilio, type FakeTwilio, type TwilioFailure } from '../../support/fake-twilio.js';
import { testConfig, testSchedulerOptions } from '../../support/test-config.js';
import { TestClock, waitFor } from '../../support/test-clock.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Issue 20, item 4: whatever the provider does, no log line (at any level, trace included) and no
 * stored error note carries a Twilio credential or anybody's phone number. The service runs as in
 * production (startService, the real twilio SDK) against the fake Twilio, which fails in every way
 * it can; every line the logger writes is captured and searched.
 */
describe('provider failures and the logs', () => {
  const smsFrom = '+447700900000';
  const whatsappFrom = '+447700900001';
  const worker = '+447700900510';
  const enrolled = '+447700900511';
  let database: TestDatabase;
  let fake: FakeTwilio;
  let clock: TestClock;
  let service: RunningService;
  const lines: string[] = [];
  const numbersUsed = [smsFrom, whatsappFrom, worker, enrolled];

  beforeAll(async () => {
    database = await openTestDatabase();
    clock = new TestClock();
    clock.setTo(new Date('2026-12-01T11:00:00Z'));
    fake = await startFakeTwilio({ now: () => clock.now() });
    const config = testConfig({
      MONGODB_URI: database.uri,
      PUBLIC_BASE_URL: publicBaseUrl,
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_SMS_FROM: smsFrom,
      TWILIO_WHATSAPP_FROM: `whatsapp:${whatsappFrom}`,
      TWILIO_API_BASE: fake.url,
    });
    // A short request timeout, so the "Twilio never answers" case takes half a second, not 15.
    const twilio = { ...config.twilio!, requestTimeoutMs: 500 };
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    service = await startService({ ...config, twilio }, createLogger('trace', sink), { scheduler: testSchedulerOptions, clock, sweepEveryMs: null });
  });
  afterAll(async () => {
    await service?.stop(5000);
    await fake?.close();
    await database?.close();
  });
  // Each test searches the lines written while it ran; the last one searches every line, start-up and shutdown included.
  let firstLineOfTest = 0;
  const notesSearched = new Set<string>();
  beforeEach(() => (firstLineOfTest = lines.length));
  afterEach(() => fake.clear());

  const minutes = 60_000;
  const deps = () => service.messaging.delivery;
  const send = async (phone: string, channel: 'sms' | 'whatsapp', body: string) => {
    numbersUsed.push(phone);
    const { phones } = deps();
    // A reply, so that WhatsApp is tried as free text (and 63016 can refuse it) rather than planned straight to SMS.
    return sendMessage(deps(), { channel, phoneHash: phones.hash(phone), phoneEnc: phones.encrypt(phone), body, purpose: 'reply' });
  };
  const statusOf = async (id: string) => (await deps().messages.getOutbound(id))?.status;
  const logged = (msg: string, messageId: string) =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === msg && line.messageId === messageId);

  // 63016 is the one refusal the outbox gets past (by falling back to SMS), so it logs no "not sent".
  describe.each<[string, TwilioFailure, 'sms' | 'whatsapp', string, number]>([
    ['400 21211 (invalid number, which Twilio names in its message)', { status: 400, code: 21211 }, 'sms', 'failed', 1],
    ['400 21610 (unsubscribed)', { status: 400, code: 21610 }, 'sms', 'failed', 1],
    ['400 63016 (outside the WhatsApp window)', { status: 400, code: 63016 }, 'whatsapp', 'sent', 0],
    ['429', { status: 429 }, 'sms', 'pending', 1],
    ['500', { status: 500 }, 'sms', 'pending', 1],
    ['503', { status: 503, code: 20503 }, 'sms', 'pending', 1],
  ])('when Twilio answers a send with %s', (_name, failure, channel, status, notSentLines) => {
    it('then the failure is logged and recorded without a credential or a phone number', async () => {
      const phone = `+4477009006${String(numbersUsed.length).padStart(2, '0')}`;
      fake.failNext(1, failure);
      const id = await send(phone, channel, 'How are you today? Reply 1-5');
      expect(await statusOf(id)).toBe(status);
      expect(fake.requests).toBe(status === 'sent' ? 2 : 1);
      expect(logged('message not sent', id)).toHaveLength(notSentLines);
      await expectNothingSensitive();
    });
  });

  it.each<['hang' | 'reset']>([['hang'], ['reset']])(
    'when a send gets no answer (%s) and the provider then fails the recovery check in every way, then nothing sensitive is logged',
    async (network) => {
      const phone = network === 'hang' ? '+447700900701' : '+447700900702';
      fake.failNext(1, { network });
      const id = await send(phone, 'sms', 'Question 1 of 4');
      // No answer at all: Twilio may have it, so it stays in "sending" for the sweep to check.
      expect(await statusOf(id)).toBe('sending');
      expect(logged('message not sent', id)).toHaveLength(1);

      clock.advance(2 * minutes);
      const checkFailures: TwilioFailure[] = [{ status: 500 }, { status: 503, code: 20503 }, { status: 429 }, { status: 400, code: 20001 }, { network: 'hang' }, { network: 'reset' }];
      for (const [index, checkFailure] of checkFailures.entries()) {
        fake.failNext(1, checkFailure, 'list');
        expect(await sweepOutbox(deps())).toMatchObject({ recovered: 0, resent: 0 });
        expect(logged('could not check an interrupted send; will try again', id)).toHaveLength(index + 1);
        expect(await statusOf(id)).toBe('sending');
      }
      await fake.refuseConnections();
      try {
        await sweepOutbox(deps());
      } finally {
        await fake.acceptConnections();
      }
      // Still worth reading: each line says how the check failed.
      const reasons = logged('could not check an interrupted send; will try again', id).map((line) => line.err as { status?: number; code?: unknown });
      expect(reasons.map((err) => err.status ?? err.code)).toEqual([500, 503, 429, 400, 'ECONNABORTED', 'ECONNRESET', 'ECONNREFUSED']);

      // Once Twilio answers again, its record decides: it never got the message, so it is sent.
      expect(await sweepOutbox(deps())).toMatchObject({ resent: 1 });
      expect(await statusOf(id)).toBe('sent');
      await expectNothingSensitive();
    },
  );

  it('when nothing listens at the provider address (connection refused), then the retry is logged without a credential or a phone number', async () => {
    await fake.refuseConnections();
    let id: string;
    try {
      id = await send('+447700900703', 'whatsapp', 'Question 2 of 4');
    } finally {
      await fake.acceptConnections();
    }
    // A connection never made cannot have delivered anything, so it is simply retried later.
    expect(await statusOf(id)).toBe('pending');
    expect(logged('message not sent', id)).toHaveLength(1);
    await expectNothingSensitive();
  });

  it('when a worker enrols someone by their national number and every reply fails, then nothing sensitive is logged', async () => {
    const { staff, phones, programmes, measures, audit } = service.messaging.cases;
    await addProgramme({ programmes, measures, audit, clock }, { name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], discharge: '0d', isDefault: true }, 'test');
    await staff.add({ id: randomUUID(), name: 'Worker Ana', role: 'worker', team: 'main', phoneHash: phones.hash(worker), phoneEnc: phones.encrypt(worker), createdAt: new Date() });
    fake.failNext(10, { status: 500 });
    const sid = `SM${randomUUID().replace(/-/g, '')}`;
    const params = { MessageSid: sid, AccountSid: fake.accountSid, From: worker, To: smsFrom, Body: `ENROL ${national(enrolled, true)}` };
    const response = await fetch(`http://127.0.0.1:${service.port}/webhooks/twilio/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(fake.authToken, `${publicBaseUrl}/webhooks/twilio/inbound`, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    await waitFor(async () => (await database.db.collection('messages').findOne({ _id: sid as never }))?.status === 'processed', 10_000, 'the turn');
    expect(await database.db.collection('enrolments').countDocuments()).toBe(1);
    await waitFor(() => lines.some((line) => line.includes('"message not sent"') && line.includes('"httpStatus":500')), 5000, 'a failed reply');
    await expectNothingSensitive();
  });

  it('when the service has been through all of that and stops, then no line it ever wrote carries a credential or a phone number', async () => {
    await service.stop(5000);
    expect(lines.filter((line) => line.includes('"level":40')).length).toBeGreaterThanOrEqual(20);
    expect(lines.some((line) => line.includes('"shutdown complete"'))).toBe(true);
    await expectNothingSensitive(0);
  });

  /** The captured lines and every stored error note, searched for the credentials and each number in every form. */
  async function expectNothingSensitive(fromLine = firstLineOfTest) {
    const basic = Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64');
    const secrets: Array<[string, string]> = [['auth token', fake.authToken], ['account SID', fake.accountSid], ['Basic credential', basic]];
    for (const number of numbersUsed) {
      secrets.push([`${number} (E.164)`, number], [`${number} (digits)`, number.slice(3)], [`${number} (national)`, national(number, false)], [`${number} (national, spaced)`, national(number, true)]);
    }
    const notes = [
      ...(await database.db.collection('messages').find({ error: { $exists: true } }).toArray()),
      ...(await database.db.collection('messageEvents').find({ error: { $exists: true } }).toArray()),
    ]
      .filter((doc) => fromLine === 0 || !notesSearched.has(`${String(doc._id)} ${String(doc.error)}`))
      .map((doc) => {
        notesSearched.add(`${String(doc._id)} ${String(doc.error)}`);
        return `stored error: ${String(doc.error)}`;
      });
    const searched = lines.slice(fromLine);
    const leaks = [...searched, ...notes].flatMap((line) => secrets.filter(([, secret]) => line.includes(secret)).map(([what]) => `${what} in ${line}`));
    expect(leaks).toEqual([]);
  }
});

/** +447700900123 -> 07700900123, or 07700 900123 spaced as people write it. */
function national(e164: string, spaced: boolean): string {
  const digits = `0${e164.slice(3)}`;
  return spaced ? `${digits.slice(0, 5)} ${digits.slice(5)}` : digits;
}
