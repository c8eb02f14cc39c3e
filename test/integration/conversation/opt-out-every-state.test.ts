import { remindConsent } from '../../../src/app/scheduling/chase-consent.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

/**
 * Every opt-out word Twilio honours, through signed webhooks, on SMS and on WhatsApp (where Twilio
 * applies no opt-out keywords itself, so ours are the only protection), in each state a number can
 * be in. "Nothing else is sent" is shown by positive signals: the turn has finished (the harness
 * waits for it), the outbox sweep has run and found nothing due, and the consent chase, asked
 * directly, says there is nothing to chase.
 */
describe('opting out with any of Twilio\'s words, in every state', () => {
  let h: ConversationHarness;
  let adminToken: string;
  let workerId: string;
  const worker = '+447700900711';
  const confirmation = "You won't get any more messages from Test Community Trust. Reply START if you change your mind.";

  beforeAll(async () => {
    h = await startConversationHarness();
    workerId = (await h.registerStaff(worker, 'worker', 'Alex')).id;
    adminToken = h.adminToken;
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
  });
  afterAll(async () => h.close());

  const enrol = async (phone: string, channel: 'sms' | 'whatsapp', consentInPerson: boolean) => {
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/enrolments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ phone, channel, consentInPerson, workerId }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { reference: string; enrolmentId: string });
  };
  const hash = (phone: string) => h.service.messaging.cases.phones.hash(phone);
  const isSuppressed = (phone: string) => h.service.messaging.cases.contacts.isSuppressed(hash(phone));
  const enrolment = (id: string) => h.database.db.collection('enrolments').findOne({ _id: id as never });
  /** The outbox sweep has run, and nothing for anyone was waiting to go. */
  const expectOutboxEmpty = async () => {
    const swept = await h.service.messaging.sweepOutbox();
    expect(swept).toMatchObject({ recovered: 0, resent: 0 });
    expect(await h.database.db.collection('messages').countDocuments({ direction: 'out', status: { $in: ['pending', 'sending'] } })).toBe(0);
  };

  it.each([
    ['OPTOUT', 'sms', '+447700900721'],
    ['REVOKE', 'sms', '+447700900722'],
    ['OPTOUT', 'whatsapp', '+447700900723'],
    ['REVOKE', 'whatsapp', '+447700900724'],
  ] as const)('when someone asked for consent texts %s on %s, then the number is suppressed, the chase ends and only the confirmation is sent', async (word, channel, phone) => {
    const { enrolmentId } = await enrol(phone, channel, false);
    const before = h.inbox(phone).length;

    await h.text(phone, word, { channel });

    expect(await isSuppressed(phone)).toBe(true);
    expect(h.inbox(phone).slice(before)).toEqual([confirmation]);
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'declined' });
    // The consent reminder would have been the second invitation: it now has nothing to chase.
    expect(await remindConsent(h.service.messaging.cases, enrolmentId)).toEqual({ done: true, note: 'consent answered' });
    await expectOutboxEmpty();
    expect(h.inbox(phone).slice(before)).toEqual([confirmation]);
  });

  it.each([
    ['REVOKE', 'sms', '+447700900731'],
    ['OPTOUT', 'whatsapp', '+447700900732'],
    ['S T O P', 'whatsapp', '+447700900733'],
  ] as const)('when someone mid-questionnaire texts %j on %s, then the questionnaire stops, their worker is told and only the confirmation is sent', async (word, channel, phone) => {
    const { reference, enrolmentId } = await enrol(phone, channel, true);
    await h.text(phone, '7', { channel });
    expect(h.inbox(phone).at(-1)).toMatch(/^Q2\/4 /);
    const before = h.inbox(phone).length;

    await h.text(phone, word, { channel });

    expect(await isSuppressed(phone)).toBe(true);
    expect(h.inbox(phone).slice(before)).toEqual([confirmation]);
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'withdrawn' });
    expect((await h.database.db.collection('contacts').findOne({ _id: hash(phone) as never }))?.conversation).toMatchObject({ questionnaire: { status: 'stopped' } });
    expect(h.inbox(worker).at(-1)).toBe(`${reference} has opted out of messages (STOP). Nothing more will be sent to them.`);
    await expectOutboxEmpty();
    expect(h.inbox(phone).slice(before)).toEqual([confirmation]);
  });

  it.each([
    ['OPTOUT', 'sms', '+447700900741'],
    ['REVOKE', 'whatsapp', '+447700900742'],
  ] as const)('when a member of staff texts %s on %s, then their number is suppressed and only the confirmation is sent', async (word, channel, phone) => {
    await h.registerStaff(phone, 'worker');
    await h.text(phone, word, { channel });
    expect(await isSuppressed(phone)).toBe(true);
    expect(h.inbox(phone)).toEqual([confirmation]);
    await expectOutboxEmpty();
    expect(h.inbox(phone)).toEqual([confirmation]);
  });

  it.each([
    ['OPTOUT', 'sms', '+447700900751'],
    ['REVOKE', 'whatsapp', '+447700900752'],
  ] as const)('when a stranger texts %s on %s, then the number is suppressed and nothing is sent to them', async (word, channel, phone) => {
    // A stranger's message is handled before the webhook answers, so the answer is the signal.
    await h.text(phone, word, { channel });
    expect(await isSuppressed(phone)).toBe(true);
    await h.text(phone, 'hello?', { channel });
    await expectOutboxEmpty();
    expect(h.inbox(phone)).toEqual([]);
  });

  it('when someone asked for consent texts YES and Twilio flags it as START, then it is their consent, not an opt-in', async () => {
    const phone = '+447700900761';
    await enrol(phone, 'sms', false);
    await h.text(phone, 'YES', { params: { OptOutType: 'START' } });
    expect(h.inbox(phone).at(-2)).toMatch(/^Thank you! Here is the first question/);
    expect(h.inbox(phone).at(-1)).toMatch(/^Q1\/4 /);
  });

  it('when someone who opted out texts YES, then they stay opted out and are told START brings the messages back', async () => {
    const phone = '+447700900762';
    await enrol(phone, 'sms', false);
    await h.text(phone, 'stop');
    await h.text(phone, 'Yes', { params: { OptOutType: 'START' } });
    expect(await isSuppressed(phone)).toBe(true);
    expect(h.inbox(phone).at(-1)).toBe('Test Community Trust: you have opted out, so we are not sending you any messages. Reply START if you want them again.');
    await h.text(phone, 'S.T.A.R.T');
    expect(await isSuppressed(phone)).toBe(false);
    expect(h.inbox(phone).at(-1)).toMatch(/^Welcome back: Test Community Trust can message you again/);
  });

  it('when a member of staff texts INFO, then they get the commands', async () => {
    await h.text(worker, 'INFO');
    expect(h.inbox(worker).at(-1)).toMatch(/^Test Community Trust: commands\nENROL 07700 900123 - add someone\n/);
  });

  it('when a stranger who opted out texts START, then the number can be reached again', async () => {
    const phone = '+447700900771';
    await h.text(phone, 'STOP', { channel: 'whatsapp' });
    expect(await isSuppressed(phone)).toBe(true);
    await h.text(phone, 'START', { channel: 'whatsapp' });
    expect(await isSuppressed(phone)).toBe(false);
    expect(h.inbox(phone)).toEqual([expect.stringMatching(/^This is Test Community Trust's automated wellbeing text service/)]);
  });
});
