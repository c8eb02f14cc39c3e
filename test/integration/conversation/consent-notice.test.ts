import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { travelTo } from '../../support/time-travel.js';

/** Issue 12 item 12: ENROL promises "we will tell you when they reply", so the worker is told, by reference only, in working hours. */
describe('the worker hears the answer to the consent request', () => {
  let h: ConversationHarness;
  const alex = '+447700900451';
  const ola = '+447700900461';
  const pat = '+447700900462';
  const notices = () => h.database.db.collection('messages').find({ direction: 'out', purpose: 'notice', phoneHash: h.service.messaging.cases.phones.hash(alex) }).toArray();

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex Morgan');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
  });
  afterAll(async () => h.close());

  it('when the person replies YES in working hours, then their worker is told at once that the baseline started, by reference only', async () => {
    await h.text(alex, 'ENROL 07700 900461');
    expect(h.inbox(alex).at(-1)).toMatch(/will tell you when they reply\.$/);
    await h.text(ola, 'yes');
    expect(h.inbox(ola).at(-1)).toMatch(/^Q1\/4 /);
    expect(h.inbox(alex).at(-1)).toBe('SU-0001 agreed to the questions; baseline started.');
  });

  it('when the person replies at night, then the notice waits in the outbox for 09:00 on the next weekday and is sent once', async () => {
    // Friday 4 December, 21:00 in London: the consent request itself waits for the morning.
    h.clock.setTo(new Date('2026-12-04T21:00:00Z'));
    await h.text(alex, 'ENROL 07700 900462');
    await h.text(pat, 'no');
    const before = h.inbox(alex).length;
    const waiting = (await notices()).filter((message) => message.status === 'pending');
    expect(waiting.map((message) => [message.body, (message.nextAttemptAt as Date).toISOString()])).toEqual([
      ['SU-0002 said NO to the questionnaires. Nothing more will be sent to them.', '2026-12-07T09:00:00.000Z'],
    ]);

    await travelTo(h, '2026-12-07T08:59:00Z');
    await h.service.messaging.sweepOutbox();
    expect(h.inbox(alex)).toHaveLength(before);
    await travelTo(h, '2026-12-07T09:00:01Z');
    await h.service.messaging.sweepOutbox();
    await h.service.messaging.sweepOutbox();
    expect(h.inbox(alex).slice(before).filter((text) => text.startsWith('SU-0002'))).toEqual(['SU-0002 said NO to the questionnaires. Nothing more will be sent to them.']);
  });
});
