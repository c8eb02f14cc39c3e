import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

/** Issue 12 item 8: a worker who texted STOP, or was removed, must not silently miss alerts and notices about their people. */
describe('texts for a worker who cannot get them go to the managers', () => {
  let h: ConversationHarness;
  const alex = '+447700900551';
  const sam = '+447700900552';
  const jo = '+447700900550';
  const kim = '+447700900561';
  const lou = '+447700900562';
  const urgent = (reference: string) => `URGENT from promptly: ${reference} gave an answer on a risk question (PHQ9) and has been sent crisis contacts. Please contact them today, then reply ACK ${reference}.`;

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex Morgan');
    await h.registerStaff(sam, 'worker', 'Sam Patel');
    await h.registerStaff(jo, 'manager', 'Jo Okafor');
    await h.addProgramme({ name: 'Mood', measureId: 'phq9', followUps: ['6w'], isDefault: true });
    await h.text(alex, 'ENROL 07700 900561');
    await h.text(kim, 'yes');
    await h.text(sam, 'ENROL 07700 900562');
    await h.text(lou, 'yes');
    for (const phone of [kim, lou]) for (const answer of ['0', '1', '0', '1', '0', '1', '0', '1']) await h.text(phone, answer);
  });
  afterAll(async () => h.close());

  it('when a worker has texted STOP and their person gives a risk answer, then the managers\' alert says the worker opted out, within two SMS', async () => {
    await h.text(alex, 'STOP');
    const before = h.inbox(alex).length;
    await h.text(kim, '2');
    const alert = `${urgent('SU-0001')}\nAlex Morgan has opted out of texts, so this alert comes to you.`;
    expect(h.inbox(jo).at(-1)).toBe(alert);
    expect(countSmsSegments(alert).segments).toBeLessThanOrEqual(2);
    expect(h.inbox(alex)).toHaveLength(before);
    // What the outbox kept for Alex was refused, never sent.
    expect(await h.database.db.collection('messages').countDocuments({ direction: 'out', phoneHash: h.service.messaging.cases.phones.hash(alex), status: { $nin: ['refused'] }, purpose: 'alert' })).toBe(0);
  });

  it('when that worker\'s person texts STOP, then the notice goes to the managers, saying why', async () => {
    await h.text(kim, 'STOP');
    expect(h.inbox(jo).at(-1)).toBe('SU-0001 has opted out of messages (STOP). Nothing more will be sent to them.\nAlex Morgan has opted out of texts, so this message comes to you.');
  });

  it('when a worker has been removed and their person gives a risk answer, then the managers\' alert says the worker is no longer on the staff list', async () => {
    const member = await h.service.messaging.cases.staff.findByPhoneHash(h.service.messaging.cases.phones.hash(sam));
    await h.service.messaging.cases.staff.remove(member?.id as string, h.clock.now());
    await h.text(lou, '3');
    expect(h.inbox(jo).at(-1)).toBe(`${urgent('SU-0002')}\nSU-0002's worker is no longer on the staff list, so this alert comes to you.`);
  });
});
