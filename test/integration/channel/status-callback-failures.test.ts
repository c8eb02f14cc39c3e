import { sendMessage } from '../../../src/app/channel/send-message.js';
import type { FakeSentMessage } from '../../support/fake-twilio.js';
import { messageSid, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { travelTo } from '../../support/time-travel.js';

/** What Twilio reports after it accepted a message: the failures that need more than a record. */
describe('failures reported by status callback', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
    h.clock.setTo(new Date('2027-03-02T11:00:00Z'));
  });
  afterAll(async () => h.close());
  beforeEach(() => h.fake.clear());

  const say = (from: string, body: string) =>
    h.post('/webhooks/twilio/inbound', { MessageSid: messageSid(), AccountSid: h.fake.accountSid, From: from, To: from.startsWith('whatsapp:') ? 'whatsapp:+447700900001' : '+447700900000', Body: body });
  /** Twilio's callback for a message it accepted: to the URL it was given, signed. */
  const report = async (sent: FakeSentMessage, status: string, errorCode: number) => {
    const url = new URL(sent.statusCallback ?? '');
    const response = await h.post(url.pathname + url.search, { MessageSid: sent.sid, MessageStatus: status, ErrorCode: String(errorCode), AccountSid: h.fake.accountSid });
    expect(response.status).toBe(204);
    await h.settled();
    return url.searchParams.get('m') ?? '';
  };
  const stored = (id: string) => h.database.db.collection('messages').findOne({ _id: id as never });
  const notify = async (phone: string, body: string) => {
    const { phones, contacts } = h.service.messaging.delivery;
    const contact = await contacts.get(phones.hash(phone));
    await sendMessage(h.service.messaging.delivery, { channel: 'sms', phoneHash: phones.hash(phone), phoneEnc: contact?.phoneEnc ?? phones.encrypt(phone), body, purpose: 'notice' });
    return waitFor(() => h.fake.sent.find((m) => m.to === phone && m.body === body));
  };

  it('when WhatsApp reports 63016 (outside the 24-hour window) for a message it took, then the text goes again by SMS, once, saying why', async () => {
    const phone = '+447700900401';
    await say(`whatsapp:${phone}`, 'hello');
    const onWhatsApp = await waitFor(() => h.fake.sent.find((m) => m.to === `whatsapp:${phone}`));
    await h.settled();
    const id = await report(onWhatsApp, 'undelivered', 63016);
    const bySms = h.fake.sent.filter((m) => m.to === phone);
    expect(bySms).toEqual([expect.objectContaining({ body: onWhatsApp.body, from: '+447700900000' })]);
    expect(await stored(`${id}/sms`)).toMatchObject({ status: 'sent', channel: 'sms', fallbackOf: id, fallbackReason: expect.stringContaining('63016') });
    // Twilio may report it twice (undelivered, then failed): still one SMS.
    await report(onWhatsApp, 'failed', 63016);
    expect(h.fake.sent.filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('when a status callback reports 63018 (rate limit), then the message goes back to the outbox and is sent again after the backoff', async () => {
    const phone = '+447700900402';
    await say(phone, 'hello');
    const first = await waitFor(() => h.fake.sent.find((m) => m.to === phone));
    await h.settled();
    const id = await report(first, 'failed', 63018);
    const waiting = await stored(id);
    expect(waiting).toMatchObject({ status: 'pending', errorCode: 63018 });
    expect((waiting?.nextAttemptAt as Date).getTime()).toBeGreaterThan(h.clock.now().getTime());
    // Not before the backoff is over...
    await h.service.messaging.sweepOutbox();
    expect(h.fake.sent.filter((m) => m.to === phone)).toHaveLength(1);
    // ...and then once, the failed attempt's report no longer counting for the message.
    h.clock.advance(31_000);
    await h.service.messaging.sweepOutbox();
    const again = h.fake.sent.filter((m) => m.to === phone);
    expect(again.map((m) => m.body)).toEqual([first.body, first.body]);
    expect(await h.service.messaging.delivery.messages.getOutbound(id)).toMatchObject({ status: 'sent', providerSid: again[1]?.sid, attempts: 2 });
    // A repeated report about the first attempt changes nothing.
    await report(first, 'failed', 63018);
    expect((await stored(id))?.status).toBe('sent');
  });

  it('when texts to a service-user keep failing as unreachable, unknown or a landline, then the worker\'s next digest says once that the number looks wrong', async () => {
    const phone = '+447700900403';
    const worker = '+447700900404';
    const { reference } = await h.enrolServiceUser(phone, { worker });
    const consentRequest = await waitFor(() => h.fake.sent.find((m) => m.to === phone));
    await report(consentRequest, 'undelivered', 30003);
    await report(await notify(phone, 'A first notice'), 'undelivered', 30005);
    await report(await notify(phone, 'A second notice'), 'failed', 30006);

    await travelTo(h, '2027-03-03T09:30:05Z');
    const digests = () => h.fake.sent.filter((m) => m.to === worker && /update\./.test(m.body ?? ''));
    expect(digests()).toHaveLength(1);
    expect(digests()[0]?.body).toContain(`${reference}: this number looks wrong. Please check the number with them.`);
    expect(digests()[0]?.body).not.toMatch(/\+?44 ?7700|07700/);
    // Said once: the next day's digest (if any) does not say it again.
    await travelTo(h, '2027-03-04T09:30:05Z');
    expect(digests().slice(1).every((m) => !(m.body ?? '').includes('looks wrong'))).toBe(true);
  });

  it('when a service-user\'s number fails only once, then the digest says nothing about it', async () => {
    const phone = '+447700900405';
    const worker = '+447700900406';
    await h.enrolServiceUser(phone, { worker });
    await report(await waitFor(() => h.fake.sent.find((m) => m.to === phone)), 'undelivered', 30003);
    await travelTo(h, '2027-03-05T09:30:05Z');
    expect(h.fake.sent.filter((m) => m.to === worker && (m.body ?? '').includes('looks wrong'))).toEqual([]);
  });
});
