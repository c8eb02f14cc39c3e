import { sendMessage } from '../../../src/app/channel/send-message.js';
import { messageSid, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';

describe('opting out', () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness()));
  afterAll(async () => h.close());
  beforeEach(() => h.fake.clear());

  const say = (from: string, body: string, extra: Record<string, string> = {}) =>
    h.post('/webhooks/twilio/inbound', { MessageSid: messageSid(), AccountSid: h.fake.accountSid, From: from, To: '+447700900000', Body: body, ...extra });
  const sentTo = (to: string) => h.fake.sent.filter((m) => m.to === to);
  /** A business-initiated message, as a scheduled job would send it. */
  const notify = async (phone: string, body = 'Your next check-in is ready') => {
    const { phones, contacts } = h.service.messaging.delivery;
    const contact = await contacts.get(phones.hash(phone));
    return sendMessage(h.service.messaging.delivery, { channel: 'sms', phoneHash: phones.hash(phone), phoneEnc: contact?.phoneEnc ?? phones.encrypt(phone), body, purpose: 'notice' });
  };

  it('when a service-user texts STOP mid-questionnaire, then they get one confirmation, their worker is told, and nothing more reaches them', async () => {
    // A weekday morning, so the enrolment's texts go at once.
    h.clock.setTo(new Date('2027-03-02T11:00:00Z'));
    const phone = '+447700900211';
    const worker = '+447700900212';
    const { reference } = await h.enrolServiceUser(phone, { worker });
    await say(phone, 'yes');
    await waitFor(() => sentTo(phone).find((m) => /^Q1\/4/.test(m.body ?? '')), 10_000, 'first question');
    await h.settled();
    const before = sentTo(phone).length;

    await say(phone, 'STOP');
    await h.settled();
    expect(sentTo(phone).slice(before).map((m) => m.body)).toEqual(["You won't get any more messages from Test Community Trust. Reply START if you change your mind."]);
    expect(sentTo(worker).at(-1)?.body).toBe(`${reference} has opted out of messages (STOP). Nothing more will be sent to them.`);
    expect(await h.database.db.collection('enrolments').findOne({ reference })).toMatchObject({ status: 'withdrawn' });

    // What a job would send later is refused, and a later text gets no answer.
    const id = await notify(phone);
    expect((await h.service.messaging.delivery.messages.getOutbound(id))?.status).toBe('refused');
    await say(phone, '7');
    await h.settled();
    expect(sentTo(phone)).toHaveLength(before + 1);
  });

  it('when a worker texts STOP, then they get one confirmation and every later message to them is refused', async () => {
    const phone = '+447700900201';
    await say(phone, 'Stop');
    const confirmation = await waitFor(() => sentTo(phone)[0]);
    expect(confirmation.body).toBe("You won't get any more messages from Test Community Trust. Reply START if you change your mind.");

    const id = await notify(phone);
    expect((await h.service.messaging.delivery.messages.getOutbound(id))?.status).toBe('refused');
    const sid = messageSid();
    await say(phone, 'hello?', { MessageSid: sid });
    // The turn has run (the message is processed) and sent nothing.
    await waitFor(async () => (await h.database.db.collection('messages').findOne({ _id: sid as never }))?.status === 'processed', 10_000, 'turn finished');
    expect(sentTo(phone)).toHaveLength(1);
    expect(await h.database.db.collection('suppressions').countDocuments({ _id: h.service.messaging.delivery.phones.hash(phone) as never })).toBe(1);
  });

  const words = ['STOPALL', 'unsubscribe', 'CANCEL', 'end', 'Quit', 'stop please', 'REVOKE', 'OPTOUT', 'opt-out', 'S T O P', 's.t.o.p', 'Stop!!'];
  it.each(words)('when someone texts "%s", then the number is suppressed', async (word) => {
    const phone = `+4477009003${String(10 + words.indexOf(word)).padStart(2, '0')}`;
    await say(phone, word);
    await waitFor(() => sentTo(phone)[0]);
    expect(await h.service.messaging.delivery.contacts.isSuppressed(h.service.messaging.delivery.phones.hash(phone))).toBe(true);
  });

  it('when someone who stopped texts START, then they are welcomed back and messages flow again', async () => {
    const phone = '+447700900202';
    await say(phone, 'STOP');
    await waitFor(() => sentTo(phone)[0]);
    await say(phone, 'start');
    const welcome = await waitFor(() => sentTo(phone)[1]);
    expect(welcome.body).toMatch(/^Welcome back: Test Community Trust can message you again/);
    const id = await notify(phone);
    expect((await h.service.messaging.delivery.messages.getOutbound(id))?.status).toBe('sent');
    expect(sentTo(phone)).toHaveLength(3);
  });

  it('when Twilio reports OptOutType STOP, then the number is suppressed even if the body says something else', async () => {
    const phone = '+447700900203';
    await say(phone, 'ARRET', { OptOutType: 'STOP' });
    await waitFor(() => sentTo(phone)[0]);
    expect(await h.service.messaging.delivery.contacts.isSuppressed(h.service.messaging.delivery.phones.hash(phone))).toBe(true);
  });

  it('when Twilio answers 21610 (unsubscribed), then the message is failed with the code and the number is suppressed', async () => {
    const phone = '+447700900204';
    h.fake.failFor(phone, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    await say(phone, 'hi');
    const hash = h.service.messaging.delivery.phones.hash(phone);
    await waitFor(() => h.service.messaging.delivery.contacts.isSuppressed(hash));
    const reply = await waitFor(() => h.database.db.collection('messages').findOne({ direction: 'out', phoneHash: hash, status: 'failed' }));
    expect(reply).toMatchObject({ status: 'failed', errorCode: 21610 });
    const requestsBefore = h.fake.requests;
    await notify(phone);
    expect(h.fake.requests).toBe(requestsBefore);
  });

  it('when someone texts HELP, then the answer names the organisation and how to stop', async () => {
    const phone = '+447700900205';
    await say(phone, 'help');
    const help = await waitFor(() => sentTo(phone)[0]);
    expect(help.body).toContain('Test Community Trust');
    expect(help.body).toContain('Reply STOP to opt out');
  });
});
