import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

describe('a worker enrols someone by text and they complete PHQ-9', () => {
  let h: ConversationHarness;
  const alex = '+447700900711';
  const maya = '+447700900712';
  const sam = '+447700900721';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.addProgramme({ name: 'Talking Therapies', measureId: 'phq9', followUps: ['6w', '12w'], isDefault: true });
  });
  afterAll(async () => h.close());

  it('when Alex texts ENROL with a messy number, then Sam gets a consent request naming the organisation and Alex', async () => {
    await h.text(alex, 'enroll 07700 900-721 Sam');
    expect(h.inbox(alex)).toEqual(['Enrolled SU-0001 on Talking Therapies. We have asked them for consent and will tell you when they reply.']);
    const [request] = h.inbox(sam);
    expect(request).toContain('Test Community Trust');
    expect(request).toContain('Alex');
    expect(request).toMatch(/YES/);
    expect(request).toMatch(/STOP/);
    const person = await h.database.db.collection('serviceUsers').findOne({ reference: 'SU-0001' });
    expect(person?.phoneEnc).toMatch(/^v1\./);
    expect(JSON.stringify(person)).not.toContain('7700900721');
  });

  it('when Sam replies "yes ok", then consent is recorded and the first question arrives', async () => {
    await h.text(sam, 'yes ok');
    const enrolment = await h.database.db.collection('enrolments').findOne({ reference: 'SU-0001' });
    expect(enrolment).toMatchObject({ status: 'active', consent: { decision: 'yes', version: 'consent-v1', channel: 'sms' } });
    expect(h.inbox(sam).slice(-2)).toEqual([
      expect.stringMatching(/^Thank you! Here is the first question/),
      expect.stringMatching(/^Q1\/9 .*Reply 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day/),
    ]);
  });

  it('when Sam answers with messy replies, then each is read right and the stored score equals the hand-computed one', async () => {
    // q1..q9 as typed; values: 1, 2, 3, 0, 1, 3, 2, 0 (after one unreadable reply), then item 9 = 1 (risk).
    const replies = [' 1. ', 'more than half the days', 'three', '0️⃣', 'several dayz', 'nearly every day', '2 thanks', 'dunno', 'not at all', '1'];
    for (const reply of replies) await h.text(sam, reply);
    const assessment = await h.database.db.collection('assessments').findOne({ timepointId: 'baseline' });
    const answers = assessment?.answers as Record<string, { raw: string; value: number; attempts: number }>;
    expect(Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.value]))).toEqual({ q1: 1, q2: 2, q3: 3, q4: 0, q5: 1, q6: 3, q7: 2, q8: 0, q9: 1 });
    expect(answers.q8).toMatchObject({ raw: 'not at all', attempts: 2 });
    expect(answers.q3).toMatchObject({ raw: 'three', attempts: 1 });
    expect(assessment).toMatchObject({ status: 'completed', score: { total: 13, score: 13, band: 'Moderate' } });
  });

  it('when item 9 is answered above 0, then Sam is signposted at once and Alex and Maya get an urgent alert without the answer', async () => {
    const sams = h.inbox(sam);
    expect(sams.some((text) => text.includes('Samaritans 116 123') && text.includes('111') && text.includes('999'))).toBe(true);
    expect(sams.at(-1)).toMatch(/^Thank you, that's all the questions for now\. I'll check in with you again around \w+ \d+ January/);
    for (const staff of [alex, maya]) {
      const alert = h.inbox(staff).find((text) => text.startsWith('URGENT'));
      expect(alert).toContain('SU-0001');
      expect(alert).toContain('ACK SU-0001');
      expect(alert).not.toMatch(/\b1\b.*Several|Nearly every day/);
    }
    expect(await h.database.db.collection('alerts').countDocuments({ reference: 'SU-0001', acknowledgedAt: { $exists: false } })).toBe(1);
  });

  it('when the baseline is complete, then the 6- and 12-week follow-ups are on the calendar', async () => {
    const followUps = await h.database.db.collection('assessments').find({ kind: 'follow-up' }).sort({ dueAt: 1 }).toArray();
    expect(followUps.map((a) => [a.timepointId, a.status])).toEqual([['6w', 'scheduled'], ['12w', 'scheduled']]);
    expect((followUps[0]?.dueAt as Date).toISOString()).toBe('2027-01-12T10:00:00.000Z');
  });

  it('when Alex replies ACK SU-0001, then the alert is closed; STATUS shows the caseload without health answers', async () => {
    await h.text(alex, 'ack su 1');
    expect(h.inbox(alex).at(-1)).toBe('Thank you: the alert for SU-0001 is acknowledged.');
    expect(await h.database.db.collection('alerts').countDocuments({ acknowledgedAt: { $exists: false } })).toBe(0);
    await h.text(alex, 'STATUS');
    expect(h.inbox(alex).at(-1)).toBe('Your people (1):\nSU-0001: baseline done, 6w due 12 Jan');
  });
});
