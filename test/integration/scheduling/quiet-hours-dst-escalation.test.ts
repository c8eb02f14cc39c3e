import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { travelTo } from '../../support/time-travel.js';

describe('quiet hours, clock changes and escalation', () => {
  let h: ConversationHarness;
  const alex = '+447700900771';
  const maya = '+447700900772';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.addProgramme({ name: 'Three weeks', measureId: 'phq9', followUps: ['3w'], isDefault: true });
  });
  afterAll(async () => h.close());

  it('when a worker enrols someone at 21:30, then the worker is answered at once but the consent request waits until 09:00', async () => {
    h.clock.setTo(new Date('2026-12-01T21:30:00Z'));
    await h.text(alex, 'ENROL 07700 900781');
    expect(h.inbox(alex).at(-1)).toMatch(/^Enrolled SU-0001/);
    expect(h.inbox('+447700900781')).toHaveLength(0);
    const pending = await h.database.db.collection('messages').findOne({ direction: 'out', purpose: 'consent' });
    expect(pending).toMatchObject({ status: 'pending' });
    expect((pending?.nextAttemptAt as Date).toISOString()).toBe('2026-12-02T09:00:00.000Z');

    await travelTo(h, '2026-12-02T08:59:00Z');
    await h.service.messaging.sweepOutbox();
    expect(h.inbox('+447700900781')).toHaveLength(0);
    await travelTo(h, '2026-12-02T09:00:01Z');
    await h.service.messaging.sweepOutbox();
    expect(h.inbox('+447700900781')).toEqual([expect.stringMatching(/reply YES or NO/i)]);
  });

  it('when the baseline is done on the Saturday before the clocks go forward, then the 3-week follow-up is still at 10:00 local (09:00 UTC)', async () => {
    h.clock.setTo(new Date('2026-03-14T10:00:00Z'));
    await h.text(alex, 'ENROL 07700 900782');
    await h.text('+447700900782', 'yes');
    for (const answer of ['0', '1', '0', '1', '0', '1', '0', '1', '0']) await h.text('+447700900782', answer);
    const person = await h.database.db.collection('enrolments').findOne({ reference: 'SU-0002' });
    const followUp = await h.database.db.collection('assessments').findOne({ enrolmentId: person?._id, timepointId: '3w' });
    expect((followUp?.dueAt as Date).toISOString()).toBe('2026-04-04T09:00:00.000Z');
  });

  it('when the baseline is done before the clocks go back, then the follow-up is at 10:00 GMT', async () => {
    h.clock.setTo(new Date('2026-10-10T09:00:00Z'));
    await h.text(alex, 'ENROL 07700 900783');
    await h.text('+447700900783', 'yes');
    for (const answer of ['0', '1', '0', '1', '0', '1', '0', '1', '0']) await h.text('+447700900783', answer);
    const person = await h.database.db.collection('enrolments').findOne({ reference: 'SU-0003' });
    const followUp = await h.database.db.collection('assessments').findOne({ enrolmentId: person?._id, timepointId: '3w' });
    expect((followUp?.dueAt as Date).toISOString()).toBe('2026-10-31T10:00:00.000Z');
  });

  it('when a safeguarding alert is not acknowledged within 4 working hours, then the managers are told once (Friday 16:00 -> Monday 12:00)', async () => {
    h.clock.setTo(new Date('2026-12-04T15:50:00Z'));
    await h.text(alex, 'ENROL 07700 900784');
    await h.text('+447700900784', 'yes');
    for (const answer of ['0', '1', '0', '1', '0', '1', '0', '1']) await h.text('+447700900784', answer);
    h.clock.setTo(new Date('2026-12-04T16:00:00Z'));
    await h.text('+447700900784', '2');
    const escalations = () => h.inbox(maya).filter((text) => text.startsWith('ESCALATION'));
    await travelTo(h, '2026-12-07T11:59:00Z');
    expect(escalations()).toHaveLength(0);
    await travelTo(h, '2026-12-07T12:00:05Z');
    await waitFor(() => escalations().length > 0, 5000, 'escalation');
    expect(escalations()[0]).toContain('SU-0004');
    await travelTo(h, '2026-12-07T15:00:00Z');
    expect(escalations()).toHaveLength(1);
  });
});
