import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';

/**
 * Issue 12 item 14, on the real scheduler: "Due in the next 7 days: SU-0001 Fri 15 Jan" came seven
 * days running, weekends included. Friday 1 January 2027 (London is on GMT): Robin's baseline, so
 * the 2-week follow-up falls due on Friday 15 January, opens on Tuesday 12 and lapses unanswered.
 */
describe('the daily digest says each thing once', () => {
  let h: ConversationHarness;
  const alex = '+447700900471';
  const bea = '+447700900472';
  const robin = '+447700900481';
  const digests: Record<string, { alex: string[]; bea: string[] }> = {};

  /** Moves to 09:30 on a day and waits until that day's digest run is over (the job has moved on to the next day). */
  async function digestDay(date: string): Promise<void> {
    const at = new Date(`${date}T09:30:05Z`);
    const before = { alex: h.inbox(alex).length, bea: h.inbox(bea).length };
    h.clock.setTo(at);
    await h.service.jobs.realign();
    await waitFor(async () => {
      const job = await h.database.db.collection<{ name: string; data?: { at?: Date } }>('agendaJobs').findOne({ name: 'digest:daily' });
      return job?.data?.at !== undefined && new Date(job.data.at).getTime() > at.getTime();
    }, 10_000, `the digest run of ${date}`);
    const hello = (texts: string[]) => texts.filter((text) => text.startsWith('Hi '));
    digests[date] = { alex: hello(h.inbox(alex).slice(before.alex)), bea: hello(h.inbox(bea).slice(before.bea)) };
  }

  beforeAll(async () => {
    h = await startConversationHarness();
    h.clock.setTo(new Date('2027-01-01T11:00:00Z'));
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(bea, 'worker', 'Bea');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['2w'], window: '3d', isDefault: true });
    await h.restart(); // the recurring jobs are placed from the clock at start-up
    await h.text(alex, 'ENROL 07700 900481');
    await h.text(robin, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(robin, answer);
    // Bea's person has a safeguarding alert nobody has acknowledged yet.
    await h.text(bea, 'ENROL 07700 900482');
    const sam = await h.database.db.collection<{ _id: string; serviceUserId: string; reference: string; workerId: string }>('enrolments').findOne({ reference: 'SU-0002' });
    if (!sam) throw new Error('SU-0002 was not enrolled');
    await h.service.messaging.cases.cases.openAlert({
      id: 'alert-1', enrolmentId: sam._id, serviceUserId: sam.serviceUserId, reference: sam.reference, workerId: sam.workerId,
      assessmentId: 'a', itemId: 'i', openedAt: new Date('2027-01-01T12:00:00Z'),
    });
    for (const date of ['2027-01-08', '2027-01-09', '2027-01-10', '2027-01-11']) await digestDay(date);
    await h.text(bea, 'ACK SU-0002');
    for (const date of ['2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15', '2027-01-16', '2027-01-17', '2027-01-18', '2027-01-19', '2027-01-20']) await digestDay(date);
  }, 120_000);
  afterAll(async () => h.close());

  it('when Robin\'s follow-up is due on Friday 15 January, then it is due that day', async () => {
    const followUp = await h.database.db.collection<{ dueAt: Date }>('assessments').findOne({ timepointId: '2w' });
    expect(new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/London' }).format(followUp?.dueAt)).toBe('Fri 15 Jan');
  });

  it('when the follow-up comes within 7 days, then Alex hears of it once on the first weekday, once on its day, and once when it lapses', () => {
    const alexs = Object.entries(digests).filter(([, day]) => day.alex.length > 0).map(([date, day]) => [date, day.alex]);
    expect(alexs).toEqual([
      ['2027-01-11', ['Hi Alex, your Test Community Trust update.\nDue in the next 7 days: SU-0001 Fri 15 Jan.\nText STATUS for your full list.']],
      ['2027-01-15', ['Hi Alex, your Test Community Trust update.\nDue today: SU-0001.\nText STATUS for your full list.']],
      ['2027-01-19', ['Hi Alex, your Test Community Trust update.\nLapsed: SU-0001.\nText STATUS for your full list.']],
    ]);
  });

  it('when an alert is open, then Bea hears of it every day, weekend included, until she acknowledges it, and then nothing', () => {
    const beas = Object.entries(digests).filter(([, day]) => day.bea.length > 0).map(([date, day]) => [date, day.bea.map((text) => text.split('\n')[1])]);
    expect(beas).toEqual([
      ['2027-01-08', ['Open alerts: SU-0002. Text ACK and the reference once dealt with.']],
      ['2027-01-09', ['Open alerts: SU-0002. Text ACK and the reference once dealt with.']],
      ['2027-01-10', ['Open alerts: SU-0002. Text ACK and the reference once dealt with.']],
      ['2027-01-11', ['Open alerts: SU-0002. Text ACK and the reference once dealt with.']],
    ]);
  });
});
