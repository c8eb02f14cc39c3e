import type { MessagePurpose } from '../../../src/domain/messaging/delivery-plan.js';
import { sendMessage } from '../../../src/app/channel/send-message.js';
import { tellStaff } from '../../../src/app/cases/case-deps.js';
import { invitationTemplate, messageSid, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';

describe("WhatsApp's 24-hour window", () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness()));
  afterAll(async () => h.close());
  beforeEach(() => h.fake.clear());

  const hours = 60 * 60 * 1000;
  const sayOnWhatsApp = (phone: string, body: string, extra: Record<string, string> = {}) =>
    h.post('/webhooks/twilio/inbound', { MessageSid: messageSid(), AccountSid: h.fake.accountSid, From: `whatsapp:${phone}`, To: 'whatsapp:+447700900001', Body: body, ...extra });
  const businessMessage = async (phone: string, purpose: MessagePurpose, body: string) => {
    const { phones, contacts } = h.service.messaging.delivery;
    const contact = await contacts.get(phones.hash(phone));
    const id = await sendMessage(h.service.messaging.delivery, {
      channel: 'whatsapp', phoneHash: phones.hash(phone), phoneEnc: contact?.phoneEnc ?? phones.encrypt(phone), body, purpose, templateVariables: { 1: 'Test Community Trust' },
    });
    return h.database.db.collection('messages').findOne({ _id: id as never });
  };

  describe('a service-user enrolled on WhatsApp', () => {
    const phone = '+447700900311';
    const worker = '+447700900312';
    const onWhatsApp = () => h.fake.sent.filter((m) => m.to === `whatsapp:${phone}`);
    const bySms = () => h.fake.sent.filter((m) => m.to === phone);

    it('when they have never written, then the consent request goes by SMS, saying why, since no template is set for it', async () => {
      h.clock.setTo(new Date('2027-03-02T11:00:00Z'));
      await h.enrolServiceUser(phone, { channel: 'whatsapp', worker });
      expect(onWhatsApp()).toEqual([]);
      expect(bySms()).toEqual([expect.objectContaining({ body: expect.stringMatching(/reply YES or NO/) })]);
      const stored = await h.database.db.collection('messages').findOne({ direction: 'out', purpose: 'consent' });
      expect(stored).toMatchObject({ status: 'sent', sentVia: 'sms', fallbackReason: 'no WhatsApp template for consent outside the 24-hour window' });
    });

    it('when they then write on WhatsApp, then the questions come back on WhatsApp as free text', async () => {
      await sayOnWhatsApp(phone, 'yes');
      await h.settled();
      expect(onWhatsApp().length).toBeGreaterThan(0);
      expect(onWhatsApp().every((m) => m.body && !m.contentSid)).toBe(true);
      expect(onWhatsApp().at(-1)?.body).toMatch(/^Q1\/4/);
    });

    it('when a day has passed since they wrote, then a business-initiated invitation uses the template and a notice, which has none, falls back to SMS', async () => {
      h.clock.advance(25 * hours);
      const smsBefore = bySms().length;
      const invitation = await businessMessage(phone, 'invitation', 'Time for your check-in');
      expect(invitation).toMatchObject({ status: 'sent', sentVia: 'whatsapp' });
      expect(onWhatsApp().at(-1)).toMatchObject({ contentSid: invitationTemplate });
      const reminder = await businessMessage(phone, 'notice', 'A reminder about your check-in');
      expect(reminder).toMatchObject({ status: 'sent', sentVia: 'sms' });
      expect(bySms().slice(smsBefore).map((m) => m.body)).toEqual(['A reminder about your check-in']);
    });

    it('when they write again, then the window opens again and replies and business messages go as WhatsApp free text', async () => {
      await sayOnWhatsApp(phone, '7');
      await h.settled();
      expect(onWhatsApp().at(-1)?.body).toMatch(/^Q2\/4/);
      const notice = await businessMessage(phone, 'invitation', 'Time for your check-in');
      expect(notice).toMatchObject({ status: 'sent', sentVia: 'whatsapp' });
      expect(onWhatsApp().at(-1)).toMatchObject({ body: 'Time for your check-in' });
    });
  });

  it('when a worker who writes on WhatsApp is texted by the bot a day later, then it comes by SMS, the channel every staff phone has', async () => {
    const phone = '+447700900313';
    await sayOnWhatsApp(phone, 'STATUS');
    await waitFor(() => h.fake.sent.find((m) => m.to === `whatsapp:${phone}`));
    h.clock.advance(25 * hours);
    const member = await h.registerStaff(phone);
    await tellStaff(h.service.messaging.cases, member, 'SU-0099 has opted out of messages (STOP).', 'notice');
    expect(h.fake.sent.filter((m) => m.to === phone).map((m) => m.body)).toEqual(['SU-0099 has opted out of messages (STOP).']);
  });

  it('when a worker writes on WhatsApp, then the reply goes back on WhatsApp as free text', async () => {
    await sayOnWhatsApp('+447700900301', 'hello from whatsapp');
    const reply = await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900301'));
    expect(reply.from).toBe('whatsapp:+447700900001');
    expect(reply.body).toContain('hello from whatsapp');
  });

  it('when a tapped button carries a payload, then the payload is the reply rather than the body', async () => {
    await sayOnWhatsApp('+447700900302', 'Yes please!', { ButtonPayload: 'YES', ButtonText: 'Yes please!' });
    const reply = await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900302'));
    expect(reply.body).toContain('"YES"');
  });

  it('when a business-initiated message goes inside the window, then it is free text on WhatsApp', async () => {
    await sayOnWhatsApp('+447700900303', 'hi');
    await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900303'));
    h.clock.advance(23 * hours);
    const stored = await businessMessage('+447700900303', 'invitation', 'Time for your check-in');
    expect(stored).toMatchObject({ status: 'sent', sentVia: 'whatsapp' });
    expect(h.fake.sent.filter((m) => m.to === 'whatsapp:+447700900303').at(-1)).toMatchObject({ body: 'Time for your check-in' });
  });

  it('when a business-initiated message goes outside the window with a template configured, then the template is used', async () => {
    await sayOnWhatsApp('+447700900304', 'hi');
    await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900304'));
    h.clock.advance(25 * hours);
    const stored = await businessMessage('+447700900304', 'invitation', 'Time for your check-in');
    expect(stored).toMatchObject({ status: 'sent', sentVia: 'whatsapp' });
    const sent = h.fake.sent.filter((m) => m.to === 'whatsapp:+447700900304').at(-1);
    expect(sent).toMatchObject({ contentSid: invitationTemplate });
    expect(JSON.parse(sent?.contentVariables ?? '{}')).toEqual({ 1: 'Test Community Trust' });
  });

  it('when no template is configured for the purpose outside the window, then the message falls back to SMS and says so', async () => {
    await sayOnWhatsApp('+447700900305', 'hi');
    await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900305'));
    h.clock.advance(30 * hours);
    const stored = await businessMessage('+447700900305', 'notice', 'A reminder about your check-in');
    expect(stored).toMatchObject({ status: 'sent', sentVia: 'sms', fallbackReason: 'no WhatsApp template for notice outside the 24-hour window' });
    expect(h.fake.sent.filter((m) => m.to === '+447700900305')).toEqual([expect.objectContaining({ body: 'A reminder about your check-in', from: '+447700900000' })]);
  });

  it('when WhatsApp refuses with 63016, then the message is sent by SMS instead and the fallback is recorded', async () => {
    await sayOnWhatsApp('+447700900306', 'hi');
    await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900306'));
    h.fake.failFor('whatsapp:+447700900306', { status: 400, code: 63016, message: 'Failed to send freeform message because you are outside the allowed window' });
    const stored = await businessMessage('+447700900306', 'notice', 'Your worker has a message');
    expect(stored).toMatchObject({ status: 'sent', sentVia: 'sms', fallbackReason: expect.stringContaining('63016') });
    expect(h.fake.sent.filter((m) => m.to === '+447700900306')).toHaveLength(1);
  });

  it('when the person has not agreed to SMS, then there is no fallback and the message fails with the reason', async () => {
    await sayOnWhatsApp('+447700900307', 'hi');
    await waitFor(() => h.fake.sent.find((m) => m.to === 'whatsapp:+447700900307'));
    const hash = h.service.messaging.delivery.phones.hash('+447700900307');
    await h.database.db.collection('contacts').updateOne({ _id: hash as never }, { $set: { smsAllowed: false } });
    h.clock.advance(30 * hours);
    const stored = await businessMessage('+447700900307', 'notice', 'A reminder');
    expect(stored).toMatchObject({ status: 'failed', error: expect.stringContaining('has not agreed to SMS') });
    expect(h.fake.sent.filter((m) => m.to === '+447700900307')).toHaveLength(0);
  });
});
