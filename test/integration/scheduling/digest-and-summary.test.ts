import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { travelTo } from '../../support/time-travel.js';

describe("workers' daily digest and the managers' Monday summary", () => {
  let h: ConversationHarness;
  const alex = '+447700900751';
  const bea = '+447700900752';
  const maya = '+447700900753';
  const robin = '+447700900761';
  const sam = '+447700900762';

  beforeAll(async () => {
    h = await startConversationHarness();
    h.clock.setTo(new Date('2026-11-30T11:00:00Z'));
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(bea, 'worker', 'Bea');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['1w'], window: '3d', isDefault: true });
    await h.restart(); // the recurring jobs are placed from the clock at start-up
    await h.text(alex, 'ENROL 07700 900761');
    await h.text(robin, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(robin, answer);
    await h.text(bea, 'ENROL 07700 900762');
  });
  afterAll(async () => h.close());

  it('when Tuesday 09:30 comes, then Alex hears whose follow-up is due this week and Bea, with nothing to say, hears nothing', async () => {
    const before = { alex: h.inbox(alex).length, bea: h.inbox(bea).length };
    await travelTo(h, '2026-12-01T09:30:05Z');
    await waitFor(() => h.inbox(alex).length > before.alex, 5000, "Alex's digest");
    const digest = h.inbox(alex).at(-1) ?? '';
    expect(digest).toContain('SU-0001');
    expect(digest).not.toMatch(/7700|\+44/);
    expect(h.inbox(bea)).toHaveLength(before.bea);
  });

  it('when Sam never answers the consent request, then they are reminded twice and Bea is told when it lapses', async () => {
    await travelTo(h, '2026-12-02T11:00:10Z');
    await travelTo(h, '2026-12-05T11:00:10Z');
    expect(h.inbox(sam).filter((text) => text.includes('Reply YES or NO'))).toHaveLength(2);
    await travelTo(h, '2026-12-07T11:00:10Z');
    await waitFor(() => h.inbox(bea).some((text) => text.startsWith('SU-0002 has not replied to the consent request')), 5000, 'consent lapse');
    expect(await h.database.db.collection('enrolments').findOne({ reference: 'SU-0002' })).toMatchObject({ status: 'consent-lapsed' });
  });

  it('when Monday 7 December 09:00 comes, then Maya gets one summary of week 49 with a dashboard link', async () => {
    // Week 49 is Monday 30 November to Sunday 6 December; its summary went on the way through Monday 09:00.
    const summaries = () => h.inbox(maya).filter((text) => text.includes('summary, week of 30 Nov'));
    expect(summaries()).toEqual([
      'Test Community Trust summary, week of 30 Nov\n' +
        'No follow-ups were due\n' +
        'None were due the week before either\n' +
        'Enrolled: 2\n' +
        'Baselines done: 1\n' +
        'Lapsed: 0\n' +
        'Alerts not yet seen: 0\n' +
        'https://promptly.example.org/dashboard',
    ]);
    await travelTo(h, '2026-12-07T12:00:00Z');
    expect(summaries().length).toBe(1);
  });

  it('when the follow-up lapses on Thursday 10 December, then Friday\'s digest tells Alex and the week-50 report counts it', async () => {
    await travelTo(h, '2026-12-07T10:00:10Z');
    await travelTo(h, '2026-12-10T20:00:10Z');
    expect(await h.database.db.collection('assessments').findOne({ timepointId: '1w' })).toMatchObject({ status: 'lapsed' });
    const before = h.inbox(alex).length;
    await travelTo(h, '2026-12-11T09:30:10Z');
    await waitFor(() => h.inbox(alex).length > before, 5000, "Friday's digest");
    expect(h.inbox(alex).at(-1)).toMatch(/lapsed[^\n]*SU-0001|SU-0001[^\n]*lapsed/i);

    const token = await h.service.messaging.apiTokens.issue((await h.registerStaff(maya, 'manager', 'Maya')).id, new Date());
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/reports/weekly?week=2026-W50`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { summary: Record<string, unknown> };
    expect(report.summary).toMatchObject({ followUpsDue: 1, followUpsCompleted: 0, followUpRate: 0, lapses: 1 });
  });
});
