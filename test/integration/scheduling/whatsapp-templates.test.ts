import type { FakeSentMessage } from '../../support/fake-twilio.js';
import { invitationTemplate, messageSid, reminderTemplate, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { travelTo } from '../../support/time-travel.js';

/**
 * A service-user on WhatsApp who last wrote days ago: the scheduler's invitation and reminders go
 * as approved templates (ContentSid + ContentVariables), which WhatsApp only accepts with every
 * variable filled: {{1}} the organisation, {{2}} the worker, {{3}} the message.
 */
describe('WhatsApp templates outside the 24-hour window', () => {
  let h: ChannelHarness;
  const sam = '+447700900351';
  const alex = '+447700900352';
  const onWhatsApp = () => h.fake.sent.filter((m) => m.to === `whatsapp:${sam}`);
  const say = async (body: string) => {
    await h.post('/webhooks/twilio/inbound', { MessageSid: messageSid(), AccountSid: h.fake.accountSid, From: `whatsapp:${sam}`, To: 'whatsapp:+447700900001', Body: body });
    await h.settled();
  };
  /** The instant a job of this kind is for, by the service's clock. */
  const jobAt = async (name: string) => {
    // The newest version of a subject's item is the live one (a reschedule voids the older ones).
    const [item] = await h.database.db.collection('dueItems').find({ kind: name }).sort({ version: -1 }).limit(1).toArray();
    if (!item?.dueAt || item.cancelled) throw new Error(`no ${name} item waiting`);
    return new Date(item.dueAt as Date);
  };
  const variablesOf = (message: FakeSentMessage | undefined) => {
    expect(message?.contentVariables).toEqual(expect.any(String));
    const variables = JSON.parse(message?.contentVariables ?? 'null') as Record<string, string>;
    // Every variable WhatsApp will substitute is there, non-empty, and on one line.
    expect(Object.keys(variables).sort()).toEqual(['1', '2', '3']);
    for (const value of Object.values(variables)) expect(value).toMatch(/^\S(?:.*\S)?$/);
    for (const value of Object.values(variables)) expect(value).not.toMatch(/[\n\t]| {5}/);
    return variables;
  };

  beforeAll(async () => {
    h = await startChannelHarness();
    h.clock.setTo(new Date('2027-03-02T11:00:00Z'));
    await h.registerStaff(alex, 'worker', 'Alex Morgan');
    await h.enrolServiceUser(sam, { channel: 'whatsapp', worker: alex });
  });
  afterAll(async () => h.close());

  it('when the consent request goes unanswered on WhatsApp, then the consent reminder is the reminder template with its variables filled', async () => {
    await travelTo(h, new Date((await jobAt('consent:remind')).getTime() + 5000).toISOString());
    const sent = onWhatsApp().at(-1);
    expect(sent).toMatchObject({ contentSid: reminderTemplate, body: undefined });
    const variables = variablesOf(sent);
    expect(variables).toEqual({ 1: 'Test Community Trust', 2: 'Alex Morgan', 3: expect.stringContaining('may we text you a few short questions') });
  });

  it('when the follow-up opens six weeks after the baseline, then the invitation is the invitation template naming the organisation, the worker and the check-in', async () => {
    await say('yes');
    for (const answer of ['7', '8', '6', '3']) await say(answer);
    expect(onWhatsApp().at(-1)?.body).toMatch(/^Thank you/);
    await travelTo(h, new Date((await jobAt('timepoint:open')).getTime() + 5000).toISOString());
    const sent = onWhatsApp().at(-1);
    expect(sent).toMatchObject({ contentSid: invitationTemplate });
    expect(variablesOf(sent)).toEqual({
      1: 'Test Community Trust', 2: 'Alex Morgan',
      3: "Hi, it's Test Community Trust: time for your 6-week check-in, 4 quick questions. Reply READY to start, LATER if now isn't good, or STOP to stop.",
    });
  });

  it('when the follow-up goes unanswered, then each text of the reminder is the reminder template with its variables filled', async () => {
    const before = onWhatsApp().length;
    await travelTo(h, new Date((await jobAt('timepoint:remind')).getTime() + 5000).toISOString());
    const reminders = onWhatsApp().slice(before);
    expect(reminders.length).toBeGreaterThan(0);
    for (const sent of reminders) {
      expect(sent).toMatchObject({ contentSid: reminderTemplate });
      expect(variablesOf(sent)).toMatchObject({ 1: 'Test Community Trust', 2: 'Alex Morgan' });
    }
    expect(reminders.map((sent) => variablesOf(sent)['3']).join(' ')).toMatch(/Q1\/4 /);
  });
});
