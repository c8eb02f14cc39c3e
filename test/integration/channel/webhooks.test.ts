import twilio from 'twilio';
import { messageSid, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { signTwilioRequest } from '../../support/fake-twilio.js';
import { waitFor } from '../../support/test-clock.js';

describe('Twilio webhooks', () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness()));
  afterAll(async () => h.close());
  beforeEach(() => h.fake.clear());

  const inbound = (from: string, body: string, sid = messageSid()) => ({ MessageSid: sid, AccountSid: h.fake.accountSid, From: from, To: '+447700900000', Body: body, NumMedia: '0' });

  it('when a signed message arrives, then the webhook answers at once and the reply goes out through the REST API with a status callback', async () => {
    const sid = messageSid();
    const response = await h.post('/webhooks/twilio/inbound', inbound('+447700900101', 'hello there', sid));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(await response.text()).toBe('<Response></Response>');

    const sent = await waitFor(() => h.fake.sent.find((m) => m.to === '+447700900101'));
    expect(sent.body).toBe('Sorry, I did not recognise "hello there". Text HELP for the commands.');
    expect(sent.from).toBe('+447700900000');
    // The reply's id is made from the message it answers, so a replayed turn cannot send it twice.
    expect(sent.statusCallback).toBe(`https://promptly.example.org/webhooks/twilio/status?m=${encodeURIComponent(`${sid}/m0`)}`);
    // Twilio has the message before our "sent" write lands, so wait for that write.
    const stored = await waitFor(() => h.database.db.collection('messages').findOne({ direction: 'out', providerSid: sent.sid }));
    expect(stored).toMatchObject({ status: 'sent', purpose: 'reply', channel: 'sms' });
    expect(JSON.stringify(stored)).not.toContain('7700900101');
  });

  it('when the signature is wrong, then the webhook answers 403 and nothing is recorded', async () => {
    const params = inbound('+447700900102', 'tampered');
    const forged = await h.post('/webhooks/twilio/inbound', params, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(forged.status).toBe(403);
    const signedOther = await h.post('/webhooks/twilio/inbound', params, { signature: signTwilioRequest(h.fake.authToken, 'https://promptly.example.org/webhooks/twilio/inbound', { ...params, Body: 'original' }) });
    expect(signedOther.status).toBe(403);
    expect(await h.database.db.collection('messages').countDocuments({ _id: params.MessageSid as never })).toBe(0);
  });

  describe('repeated parameters', () => {
    const url = 'https://promptly.example.org/webhooks/twilio/inbound';
    const postForm = (form: URLSearchParams, signature: string) =>
      fetch(`http://127.0.0.1:${h.service.port}/webhooks/twilio/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: form.toString(),
      });

    it('when parameters are added to a signed request by repeating a name, then the signature no longer matches and it answers 403', async () => {
      const phone = '+447700900107';
      await h.registerStaff(phone);
      const params = inbound(phone, 'STATUS');
      const form = new URLSearchParams(params);
      form.append('Injected', 'a');
      form.append('Injected', 'b');
      const response = await postForm(form, signTwilioRequest(h.fake.authToken, url, params));
      expect(response.status).toBe(403);
      expect(await h.database.db.collection('messages').countDocuments({ _id: params.MessageSid as never })).toBe(0);
    });

    it('when Twilio signs a request with a repeated parameter, then every value is checked and the request is accepted', async () => {
      const phone = '+447700900108';
      await h.registerStaff(phone);
      const params = inbound(phone, 'STATUS');
      const form = new URLSearchParams(params);
      form.append('Extra', 'b');
      form.append('Extra', 'a');
      const response = await postForm(form, twilio.getExpectedTwilioSignature(h.fake.authToken, url, { ...params, Extra: ['b', 'a'] }));
      expect(response.status).toBe(200);
      await waitFor(() => h.fake.sent.find((m) => m.to === phone));
    });
  });

  it.each(['PROMPTLY', '12345', '+4477009', '+44 7700 900109', 'whatsapp:CHARITY', 'whatsapp:+1'])(
    'when a message from a stranger comes from %j, which is no phone number we could text, then nothing is sent back',
    async (from) => {
      const requestsBefore = h.fake.requests;
      // A stranger is answered before the webhook is, so its answer means the handling is over.
      const response = await h.post('/webhooks/twilio/inbound', inbound(from, 'hello'), { stranger: true });
      expect(response.status).toBe(200);
      expect(h.fake.requests).toBe(requestsBefore);
      expect(h.fake.sent).toEqual([]);
    },
  );

  it('when a stranger texts from a real number, then they still get the generic reply', async () => {
    await h.post('/webhooks/twilio/inbound', inbound('+447700900110', 'hello'), { stranger: true });
    expect(h.fake.sent.map((m) => m.to)).toEqual(['+447700900110']);
  });

  it('when the signature header is missing, then the webhook answers 400', async () => {
    const response = await h.post('/webhooks/twilio/inbound', inbound('+447700900103', 'no signature'), { signature: null });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'missing X-Twilio-Signature' });
  });

  it('when the body is larger than 64 kB, then the webhook answers 413', async () => {
    const response = await h.post('/webhooks/twilio/inbound', inbound('+447700900104', 'x'.repeat(70_000)));
    expect(response.status).toBe(413);
  });

  it('when a signed request lacks the message fields, then the webhook answers 400 naming them', async () => {
    const response = await h.post('/webhooks/twilio/inbound', { AccountSid: h.fake.accountSid, Body: 'no sid or sender' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: string[] };
    expect(body.problems.join(' ')).toMatch(/MessageSid/);
    expect(body.problems.join(' ')).toMatch(/From/);
  });

  it('when Twilio retries the same MessageSid, then the message is processed once', async () => {
    const params = inbound('+447700900105', 'only once');
    const [first, second] = await Promise.all([h.post('/webhooks/twilio/inbound', params), h.post('/webhooks/twilio/inbound', params)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((await h.post('/webhooks/twilio/inbound', params)).status).toBe(200);
    await waitFor(() => h.fake.sent.some((m) => m.to === '+447700900105'));
    // Every turn has run and nothing waits to be sent: a second reply would be out by now.
    await h.settled();
    expect(h.fake.sent.filter((m) => m.to === '+447700900105')).toHaveLength(1);
    expect(await h.database.db.collection('messages').countDocuments({ direction: 'in', _id: params.MessageSid as never })).toBe(1);
  });

  it('when status callbacks arrive out of order, then the status only moves forward and every callback is kept', async () => {
    await h.post('/webhooks/twilio/inbound', inbound('+447700900106', 'status please'));
    const sent = await waitFor(() => h.fake.sent.find((m) => m.to === '+447700900106'));
    const path = new URL(sent.statusCallback ?? '').pathname + new URL(sent.statusCallback ?? '').search;
    for (const status of ['delivered', 'sent', 'queued']) {
      const response = await h.post(path, { MessageSid: sent.sid, MessageStatus: status, AccountSid: h.fake.accountSid });
      expect(response.status).toBe(204);
    }
    const log = h.service.messaging.delivery.messages;
    const id = new URL(sent.statusCallback ?? '').searchParams.get('m') ?? '';
    await waitFor(async () => (await log.timeline(id)).some((e) => e.source === 'outbox' && e.status === 'sent'));
    expect((await log.getOutbound(id))?.status).toBe('delivered');
    const timeline = (await log.timeline(id)) as Array<{ status: string; source: string; providerStatus?: string }>;
    expect(timeline.filter((e) => e.source === 'outbox').map((e) => e.status)).toEqual(['pending', 'sending', 'sent']);
    expect(timeline.filter((e) => e.source === 'provider').map((e) => e.providerStatus)).toEqual(['delivered', 'sent', 'queued']);

    await h.post(path, { MessageSid: sent.sid, MessageStatus: 'read', AccountSid: h.fake.accountSid });
    expect((await log.getOutbound(id))?.status).toBe('read');
  });

  it('when a delivery fails at the carrier, then the error code is kept on the message', async () => {
    await h.post('/webhooks/twilio/inbound', inbound('+447700900107', 'will fail'));
    const sent = await waitFor(() => h.fake.sent.find((m) => m.to === '+447700900107'));
    const url = new URL(sent.statusCallback ?? '');
    await h.post(url.pathname + url.search, { MessageSid: sent.sid, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: h.fake.accountSid });
    const id = url.searchParams.get('m') ?? '';
    expect((await h.service.messaging.delivery.messages.getOutbound(id))?.status).toBe('undelivered');
    expect(await h.service.messaging.delivery.messages.timeline(id)).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'undelivered', source: 'provider', errorCode: 30003 })]));
  });
});
