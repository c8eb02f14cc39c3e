import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { jobsSettled, travelTo } from '../../support/time-travel.js';

describe('a follow-up on time: invitation, reminders, lapse, restart', () => {
  let h: ConversationHarness;
  const alex = '+447700900731';
  const robin = '+447700900741';
  const assessment = (timepointId: string) => h.database.db.collection('assessments').findOne({ timepointId });
  const jumpTo = (iso: string) => travelTo(h, iso);

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await h.text(alex, 'ENROL 07700 900741');
    await h.text(robin, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(robin, answer);
  });
  afterAll(async () => h.close());

  it('when the baseline is done on Tuesday 1 December, then the 6-week follow-up is due on 12 January at 10:00 London time', async () => {
    expect(await assessment('baseline')).toMatchObject({ status: 'completed', late: false });
    const followUp = await assessment('6w');
    expect(followUp).toMatchObject({ status: 'scheduled' });
    expect((followUp?.dueAt as Date).toISOString()).toBe('2027-01-12T10:00:00.000Z');
    expect((followUp?.closesAt as Date).toISOString()).toBe('2027-01-19T20:00:00.000Z');
    const item = await h.database.db.collection('dueItems').findOne({ kind: 'timepoint:open', subject: followUp?._id });
    expect((item?.dueAt as Date).toISOString()).toBe('2027-01-12T10:00:00.000Z');
  });

  it('when the due time has not come, then nothing is sent; when it comes, the invitation and first question go out', async () => {
    const before = h.inbox(robin).length;
    await jumpTo('2027-01-12T09:58:00Z');
    expect(h.inbox(robin)).toHaveLength(before);
    await jumpTo('2027-01-12T10:00:05Z');
    await waitFor(() => h.inbox(robin).length >= before + 2, 5000, 'invitation');
    expect(h.inbox(robin).slice(before)).toEqual([
      "Hi, it's Test Community Trust: time for your 6-week check-in, 4 quick questions. Reply LATER if now isn't good, or STOP to stop.",
      expect.stringMatching(/^Q1\/4 /),
    ]);
    expect(await assessment('6w')).toMatchObject({ status: 'open' });
  });

  it('when Robin does not answer, then a reminder comes two days later and only one, even if the job runs again', async () => {
    const before = h.inbox(robin).length;
    await jumpTo('2027-01-14T09:59:00Z');
    expect(h.inbox(robin)).toHaveLength(before);
    await jumpTo('2027-01-14T10:00:05Z');
    await waitFor(() => h.inbox(robin).length > before, 5000, 'first reminder');
    await jumpTo('2027-01-14T12:00:00Z');
    expect(h.inbox(robin).slice(before)).toEqual([expect.stringMatching(/^Just a reminder.*\n?.*Q1\/4|^Just a reminder/s)]);
    expect(await assessment('6w')).toMatchObject({ remindersSent: 1 });
  });

  it('when the scheduler is stopped and restarted after the next reminder time, then that reminder is sent once on restart', async () => {
    const before = h.inbox(robin).length;
    await h.restart({ beforeStart: () => void h.clock.setTo(new Date('2027-01-17T15:00:00Z')) });
    await waitFor(() => h.inbox(robin).length > before, 5000, 'reminder after restart');
    // The restarted scheduler has run everything due and the outbox is empty: nothing more is coming.
    await jobsSettled(h);
    expect(h.inbox(robin).slice(before)).toHaveLength(1);
    expect(await assessment('6w')).toMatchObject({ remindersSent: 2 });
  });

  it('when the window closes unanswered, then the timepoint lapses and the conversation stops waiting', async () => {
    await jumpTo('2027-01-19T19:59:00Z');
    expect(await assessment('6w')).toMatchObject({ status: 'open' });
    await jumpTo('2027-01-19T20:00:05Z');
    await waitFor(async () => (await assessment('6w'))?.status === 'lapsed', 5000, 'lapse');
    const conversation = (await h.database.db.collection('contacts').findOne({ conversation: { $exists: true } }))?.conversation;
    expect(conversation?.awaiting).toBe('nothing');
  });
});
