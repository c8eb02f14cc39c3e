import { serviceUserRecord } from '../../../src/app/cases/service-user-record.js';
import { messageSid } from '../../support/channel-harness.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';

describe('a turn that fails is never lost', () => {
  let h: ConversationHarness;
  const alex = '+447700900851';
  const kim = '+447700900861';
  const lee = '+447700900862';
  const inbound = (sid: string) => h.database.db.collection('messages').findOne({ _id: sid as never });

  beforeAll(async () => {
    h = await startConversationHarness({ inboxRetryDelaysMs: [300, 600] });
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    for (const phone of [kim, lee]) {
      await h.text(alex, `ENROL ${phone}`);
      await h.text(phone, 'yes');
      await h.text(phone, '7');
    }
  });
  afterAll(async () => h.close());

  async function post(from: string, body: string): Promise<string> {
    const sid = messageSid();
    const response = await h.post('/webhooks/twilio/inbound', { MessageSid: sid, AccountSid: h.fake.accountSid, From: from, To: '+447700900000', Body: body }, { stranger: true });
    expect(response.status).toBe(200);
    return sid;
  }

  /**
   * The fault: the measure of the questionnaire in progress is one this server does not know (as
   * after a deployment that lost a bespoke measure's file), until `mend()` puts it back.
   */
  async function breakMeasureOf(phone: string): Promise<{ mend(): Promise<void> }> {
    const contacts = h.database.db.collection('contacts');
    const _id = h.service.messaging.delivery.phones.hash(phone) as never;
    await contacts.updateOne({ _id }, { $set: { 'conversation.assessment.measureId': 'a-measure-this-server-does-not-have' } });
    return { mend: async () => void (await contacts.updateOne({ _id }, { $set: { 'conversation.assessment.measureId': 'ons4' } })) };
  }
  const answersOf = async (reference: string) => {
    const record = await serviceUserRecord(h.service.messaging.cases, reference);
    const baseline = record?.enrolments[0]?.assessments.find((a) => a.kind === 'baseline');
    return Object.fromEntries(Object.entries(baseline?.answers ?? {}).map(([id, a]) => [id, (a as { value: number }).value]));
  };

  it('when a turn fails once and the fault clears, then the message is tried again and answered once', async () => {
    const fault = await breakMeasureOf(kim);
    const sid = await post(kim, '8');
    const failedOnce = await waitFor(async () => ((await inbound(sid))?.attempts === 1 ? inbound(sid) : null));
    expect(failedOnce).toMatchObject({ status: 'received', error: expect.stringContaining('missing') });
    await fault.mend();

    await waitFor(async () => (await inbound(sid))?.status === 'processed', 10_000, 'the retried turn');
    expect(await answersOf('SU-0001')).toEqual({ 'life-satisfaction': 7, worthwhile: 8 });
    expect(h.inbox(kim).filter((text) => text.startsWith('Q3/4'))).toHaveLength(1);
  });

  it('when a turn keeps failing, then the message is kept as failed with the error, the worker is told, and later texts are still answered', async () => {
    const fault = await breakMeasureOf(lee);
    const sid = await post(lee, '8');
    const failed = await waitFor(async () => ((await inbound(sid))?.status === 'failed' ? inbound(sid) : null), 10_000, 'the final failure');
    expect(failed).toMatchObject({ attempts: 3, error: expect.stringContaining('missing') });
    const told = await waitFor(() => h.inbox(alex).find((text) => text.includes('could not handle a reply from SU-0002')));
    expect(told).not.toMatch(/8|7700/);

    // The queue moves on: once the fault is mended, Lee's next text is answered, and the failed one stays failed.
    await fault.mend();
    const next = await post(lee, '9');
    await waitFor(async () => (await inbound(next))?.status === 'processed', 10_000, 'the next text');
    expect(await inbound(sid)).toMatchObject({ status: 'failed' });
    expect(h.inbox(lee).filter((text) => text.startsWith('Q3/4'))).toHaveLength(1);
    expect(h.inbox(alex).filter((text) => text.includes('could not handle a reply from SU-0002'))).toHaveLength(1);
  });

  it('when a worker texts ENROL, then the stored text keeps the reference and the programme, not the number or the label', async () => {
    const sid = await post(alex, 'ENROL 07700 900863 wellbeing Jane Smith DV refuge');
    await waitFor(async () => (await inbound(sid))?.status === 'processed');
    expect(await inbound(sid)).toMatchObject({ body: 'ENROL SU-0003 wellbeing', redacted: true });
    const everything = JSON.stringify(await h.database.db.collection('messages').find({}).toArray());
    expect(everything).not.toMatch(/900863|Jane|Smith|refuge/);
  });
});
