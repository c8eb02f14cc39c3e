import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { travelTo } from '../../support/time-travel.js';

/**
 * ONS4, PHQ-9 and PHQ-4 at every timepoint: PHQ-4's depression items are PHQ-9's first two, so
 * 4 + 9 + 2 = 15 questions, not 17. Through signed webhooks, the real service and FerretDB.
 */
describe('a programme of three measures, one of them sharing items with another', () => {
  let h: ConversationHarness;
  const alex = '+447700900751';
  const maya = '+447700900752';
  const kim = '+447700900761';
  const assessment = (timepointId: string) => h.database.db.collection('assessments').findOne({ timepointId });

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.addProgramme({ name: 'Mood and wellbeing', measures: ['ons4', 'phq9', 'phq4'], followUps: ['6w'], isDefault: true });
    await h.text(alex, 'ENROL 07700 900761');
  });
  afterAll(async () => h.close());

  it('when Kim says YES, then the first question is numbered out of the 15 the three measures ask', async () => {
    await h.text(kim, 'yes');
    expect(h.inbox(kim).at(-1)).toMatch(/^Q1\/15 Overall, how satisfied are you with your life nowadays\?/);
    expect(await assessment('baseline')).toMatchObject({ measureId: 'ons4+phq9+phq4', measureIds: ['ons4', 'phq9', 'phq4'], status: 'open' });
  });

  it('when the last ONS4 question is answered, then PHQ-9 follows as Q5/15, and BACK goes back across the boundary to change the ONS4 answer', async () => {
    for (const answer of ['7', '8', '6', '3']) await h.text(kim, answer);
    expect(h.inbox(kim).at(-1)).toMatch(/^Q5\/15 Over the last 2 weeks, how often: little interest or pleasure in doing things\?/);
    await h.text(kim, 'back');
    expect(h.inbox(kim).at(-1)).toMatch(/^Q4\/15 Overall, how anxious did you feel yesterday\?/);
    await h.text(kim, '2');
    expect(h.inbox(kim).at(-1)).toMatch(/^Q5\/15 /);
  });

  it('when Kim says LATER in the middle of PHQ-9 and replies later on, then the questionnaire carries on where it stopped', async () => {
    for (const answer of ['several days', '2', '3']) await h.text(kim, answer);
    await h.text(kim, 'later');
    expect(h.inbox(kim).at(-1)).toMatch(/^No problem\. I'll send you a reminder later/);
    h.clock.advance(3 * 3_600_000);
    await h.text(kim, '0');
    expect(h.inbox(kim).at(-1)).toMatch(/^Q9\/15 Over the last 2 weeks, how often: poor appetite or overeating\?/);
  });

  it('when the risk item of the second measure is answered above 0, then Kim is signposted and Alex and Maya alerted at once, before the next question', async () => {
    for (const answer of ['1', '2', '0', '1']) await h.text(kim, answer);
    const before = h.inbox(kim).length;
    await h.text(kim, '1');
    const sent = h.inbox(kim).slice(before);
    expect(sent).toEqual([expect.stringContaining('Samaritans 116 123'), expect.stringMatching(/^Q14\/15 Over the last 2 weeks, how often: feeling nervous, anxious, or on edge\?/)]);
    for (const staff of [alex, maya]) expect(h.inbox(staff).find((text) => text.startsWith('URGENT'))).toContain('risk question (PHQ9)');
    expect(await h.database.db.collection('alerts').findOne({ reference: 'SU-0001' })).toMatchObject({ itemId: 'q9' });
  });

  it('when the last two questions are answered, then each measure is scored on its own from the shared answers, as computed by hand', async () => {
    await h.text(kim, '2');
    await h.text(kim, '3');
    expect(h.inbox(kim).at(-1)).toMatch(/^Thank you, that's all the questions for now\./);
    const baseline = await assessment('baseline');
    expect(Object.keys(baseline?.answers as object)).toHaveLength(15);
    // PHQ-4's q3 and q4 are PHQ-9's q1 and q2: Kim answered them once.
    expect(baseline?.measureAnswers).toEqual({
      ons4: { 'life-satisfaction': 7, worthwhile: 8, happiness: 6, anxiety: 2 },
      phq9: { q1: 1, q2: 2, q3: 3, q4: 0, q5: 1, q6: 2, q7: 0, q8: 1, q9: 1 },
      phq4: { q1: 2, q2: 3, q3: 1, q4: 2 },
    });
    // PHQ-9: 1+2+3+0+1+2+0+1+1 = 11. PHQ-4: GAD-2 2+3 = 5, PHQ-2 1+2 = 3, total 8.
    expect(baseline).toMatchObject({
      status: 'completed',
      scores: {
        ons4: { measureId: 'ons4', subscales: expect.arrayContaining([expect.objectContaining({ id: 'anxiety', score: 2 })]) },
        phq9: { total: 11, band: 'Moderate', riskFlags: [expect.objectContaining({ itemId: 'q9', value: 1 })] },
        phq4: { total: 8, band: 'Moderate', subscales: [expect.objectContaining({ id: 'gad2', score: 5 }), expect.objectContaining({ id: 'phq2', score: 3 })] },
      },
    });
    expect(baseline?.score).toBeUndefined();
    expect(await assessment('6w')).toMatchObject({ status: 'scheduled', measureIds: ['ons4', 'phq9', 'phq4'] });
  });

  it('when the follow-up opens and goes unanswered, then the invitation and the reminder both say how many questions there are in all', async () => {
    const before = h.inbox(kim).length;
    await travelTo(h, '2027-01-12T10:00:05Z');
    await waitFor(() => h.inbox(kim).length >= before + 2, 5000, 'invitation');
    expect(h.inbox(kim).slice(before)).toEqual([
      "Hi, it's Test Community Trust: time for your 6-week check-in, 15 quick questions. Reply LATER if now isn't good, or STOP to stop.",
      expect.stringMatching(/^Q1\/15 /),
    ]);
    await travelTo(h, '2027-01-14T10:00:05Z');
    await waitFor(() => h.inbox(kim).length > before + 2, 5000, 'reminder');
    expect(h.inbox(kim).at(-1)).toMatch(/^Just a reminder: Q1\/15 /);
  });

  it('when staff read Kim\'s record, then it shows the plan version, the measures and each measure\'s score', async () => {
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/service-users/SU-0001`, { headers: { authorization: `Bearer ${h.adminToken}` } });
    const record = (await response.json()) as { enrolments: Array<Record<string, unknown> & { assessments: Array<Record<string, unknown>> }> };
    const [enrolment] = record.enrolments;
    expect(enrolment).toMatchObject({ planVersion: 1, plan: { measures: ['ons4', 'phq9', 'phq4'] } });
    expect(enrolment?.assessments[0]).toMatchObject({ timepointId: 'baseline', measures: ['ons4', 'phq9', 'phq4'], scores: { phq9: { total: 11 } } });
  });
  it('when Kim answers the follow-up, then the weekly report counts the timepoint once, completed, and the scores stay one per measure', async () => {
    const answers = ['6', '7', '7', '2', ...Array.from({ length: 9 }, () => '0'), '1', '1'];
    for (const answer of answers) await h.text(kim, answer);
    expect(await assessment('6w')).toMatchObject({ status: 'completed', scores: { ons4: { measureId: 'ons4' }, phq9: { total: 0 }, phq4: { total: 2 } } });
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/reports/weekly?week=2027-W03`, { headers: { authorization: `Bearer ${h.adminToken}` } });
    const report = (await response.json()) as { summary: { followUpsDue: number; followUpsCompleted: number; followUpRate: number } };
    expect(report.summary).toMatchObject({ followUpsDue: 1, followUpsCompleted: 1, followUpRate: 1 });
  });
});
