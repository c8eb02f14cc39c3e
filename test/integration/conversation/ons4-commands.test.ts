import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { messageSid } from '../../support/channel-harness.js';
import { serviceUserRecord } from '../../../src/app/cases/service-user-record.js';

describe('answering ONS4 with BACK, SKIP, LATER and STOP', () => {
  let h: ConversationHarness;
  const bea = '+447700900811';
  const ash = '+447700900821';
  const kit = '+447700900822';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(bea, 'worker', 'Bea');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await h.addProgramme({ name: 'Coping', measureId: 'coping-and-support', followUps: ['4w'] });
  });
  afterAll(async () => h.close());

  // As staff see it: the answers of a questionnaire in progress are on the conversation until it ends.
  const baseline = async (reference: string) => {
    const record = await serviceUserRecord(h.service.messaging.cases, reference);
    const enrolment = await h.database.db.collection('enrolments').findOne({ reference });
    const stored = await h.database.db.collection('assessments').findOne({ enrolmentId: enrolment?._id, timepointId: 'baseline' });
    return stored && { ...stored, answers: record?.enrolments.flatMap((e) => e.assessments).find((a) => a.id === String(stored._id))?.answers ?? {} };
  };

  it('when Ash goes BACK, then the previous question is asked again and the new answer replaces the old one', async () => {
    await h.text(bea, 'ENROL +44 7700 900821');
    await h.text(ash, 'Y');
    await h.text(ash, '7');
    await h.text(ash, '8');
    await h.text(ash, 'back');
    expect(h.inbox(ash).at(-1)).toMatch(/^Q2\/4/);
    await h.text(ash, 'ten');
    expect(h.inbox(ash).at(-1)).toMatch(/^Q3\/4/);
    expect((await baseline('SU-0001'))?.answers).toMatchObject({ 'life-satisfaction': { value: 7 }, worthwhile: { value: 10, raw: 'ten' } });
  });

  it('when Ash tries to SKIP a required question, then it is refused with the reason and asked again', async () => {
    await h.text(ash, 'skip');
    expect(h.inbox(ash).at(-1)).toMatch(/can't be skipped/);
    expect(h.inbox(ash).at(-1)).toMatch(/0 to 10/);
  });

  it('when Ash says LATER, then the bot pauses with a short acknowledgement and carries on when Ash replies', async () => {
    await h.text(ash, 'later');
    const ack = h.inbox(ash).at(-1) ?? '';
    expect(ack).not.toMatch(/^Q\d/);
    await h.text(ash, '6');
    expect(h.inbox(ash).at(-1)).toMatch(/^Q4\/4/);
  });

  it('when Ash texts STOP mid-questionnaire, then the answers so far are kept, nothing more is sent, and Bea is told', async () => {
    await h.text(ash, 'STOP');
    expect(h.inbox(ash).at(-1)).toBe("You won't get any more messages from Test Community Trust. Reply START if you change your mind.");
    const sentBefore = h.inbox(ash).length;
    await h.text(ash, '5');
    expect(h.inbox(ash)).toHaveLength(sentBefore);
    const assessment = await baseline('SU-0001');
    expect(Object.keys(assessment?.answers ?? {})).toEqual(['life-satisfaction', 'worthwhile', 'happiness']);
    expect(await h.database.db.collection('enrolments').findOne({ reference: 'SU-0001' })).toMatchObject({ status: 'withdrawn' });
    expect(h.inbox(bea).at(-1)).toBe('SU-0001 has opted out of messages (STOP). Nothing more will be sent to them.');
  });

  it('when an optional question is skipped, then it is stored as missing and the questionnaire goes on', async () => {
    await h.text(bea, 'enrol 07700900822 coping');
    await h.text(kit, 'yes');
    expect(h.inbox(kit).at(-1)).toMatch(/^Q1\/5 How are you feeling/);
    await h.text(kit, 'skip');
    expect(h.inbox(kit).at(-1)).toMatch(/^Q2\/5/);
    expect((await baseline('SU-0002'))?.answers).toMatchObject({ feeling: { value: null, raw: 'skip' } });
  });

  it('when Twilio delivers the same reply twice, then it is answered once', async () => {
    const sid = messageSid();
    const before = h.inbox(kit).length;
    await h.text(kit, '3', { sid });
    await h.text(kit, '3', { sid });
    expect(h.inbox(kit)).toHaveLength(before + 1);
    expect(Object.keys((await baseline('SU-0002'))?.answers ?? {})).toEqual(['feeling', 'coping']);
  });
});
