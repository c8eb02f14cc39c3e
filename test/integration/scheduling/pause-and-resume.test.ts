import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { liveDueItem } from '../../support/due-items.js';
import { travelTo } from '../../support/time-travel.js';

/**
 * Issue 12 item 1: PAUSE says "no reminders until you RESUME", so RESUME must bring them back. A
 * job that ran while paused is shown to have run by its own record (Agenda's lastFinishedAt), not by
 * waiting a while.
 */
describe('PAUSE and RESUME of a follow-up', () => {
  let h: ConversationHarness;
  const alex = '+447700900751';
  const robin = '+447700900761';
  const sasha = '+447700900762';
  const tay = '+447700900763';
  const assessmentOf = async (reference: string, timepointId: string) => {
    const enrolment = await h.database.db.collection('enrolments').findOne({ reference });
    return h.database.db.collection('assessments').findOne({ enrolmentId: enrolment?._id, timepointId });
  };
  const reminders = (phone: string) => h.inbox(phone).filter((text) => text.startsWith('Just a reminder'));
  const invitations = (phone: string) => h.inbox(phone).filter((text) => /time for your 6-week check-in/.test(text));
  /** The item of this kind for this assessment that was due by now has been acted on (none is left due). */
  const itemRan = async (kind: string, assessmentId: unknown) =>
    waitFor(async () => {
      const item = await liveDueItem(h.database.db, kind, assessmentId);
      return !item || item.dueAt > h.clock.now();
    }, 10_000, `${kind} ran`);

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    for (const phone of [robin, sasha, tay]) {
      await h.text(alex, `ENROL ${phone}`);
      await h.text(phone, 'yes');
      for (const answer of ['7', '8', '6', '3']) await h.text(phone, answer);
    }
    // SU-0003 (Tay) stays paused until their follow-up's window has closed: see the last test.
    await h.text(alex, 'PAUSE SU-0003');
  });
  afterAll(async () => h.close());

  it('when a worker pauses someone whose follow-up is open and resumes them after the day-2 reminder, then that reminder comes on RESUME and the day-5 one on day 5', async () => {
    // SU-0002 (Sasha) is paused before the follow-up falls due; see the next test.
    h.clock.setTo(new Date('2027-01-11T11:00:00Z'));
    await h.text(alex, 'PAUSE SU-0002');
    await travelTo(h, '2027-01-12T10:00:05Z');
    await waitFor(() => invitations(robin).length === 1, 5000, 'invitation');
    await h.text(alex, 'PAUSE SU-0001');
    expect(h.inbox(alex).at(-1)).toBe('SU-0001 paused: no reminders until you RESUME.');
    const followUp = await assessmentOf('SU-0001', '6w');

    await travelTo(h, '2027-01-14T10:00:05Z');
    await itemRan('timepoint:remind', followUp?._id);
    expect(reminders(robin)).toHaveLength(0);

    h.clock.setTo(new Date('2027-01-15T11:00:00Z'));
    await h.text(alex, 'RESUME SU-0001');
    expect(h.inbox(alex).at(-1)).toBe('SU-0001 resumed.');
    await waitFor(() => reminders(robin).length === 1, 5000, 'the reminder missed while paused');
    // The reminder has been acted on and the next one waits for day 5 before the clock moves there.
    await waitFor(async () => {
      const item = await liveDueItem(h.database.db, 'timepoint:remind', followUp?._id);
      return item !== null && item.dueAt > h.clock.now();
    }, 5000, 'the reminder waiting for day 5');

    await travelTo(h, '2027-01-17T10:00:05Z');
    await waitFor(() => reminders(robin).length === 2, 5000, 'the day-5 reminder');
    // The turn records the count after the text goes.
    await waitFor(async () => (await assessmentOf('SU-0001', '6w'))?.remindersSent === 2, 5000, 'two reminders counted');
    expect(await assessmentOf('SU-0001', '6w')).toMatchObject({ status: 'open' });
  });

  it('when a follow-up falls due while someone is paused, then RESUME opens it at once rather than a day later', async () => {
    expect(invitations(sasha)).toHaveLength(0);
    expect(await assessmentOf('SU-0002', '6w')).toMatchObject({ status: 'scheduled' });
    await h.text(alex, 'RESUME SU-0002');
    await waitFor(() => invitations(sasha).length === 1, 5000, 'invitation on RESUME');
    expect(await assessmentOf('SU-0002', '6w')).toMatchObject({ status: 'open' });
  });

  it('when someone stays paused until their follow-up window closes, then that follow-up is recorded as lapsed, not left waiting for ever', async () => {
    const followUp = await assessmentOf('SU-0003', '6w');
    expect(followUp).toMatchObject({ status: 'scheduled' });
    await travelTo(h, new Date((followUp?.closesAt as Date).getTime() + 5000).toISOString());
    await itemRan('timepoint:open', followUp?._id);
    expect(await assessmentOf('SU-0003', '6w')).toMatchObject({ status: 'lapsed' });
    expect(invitations(tay)).toHaveLength(0);
  });
});
