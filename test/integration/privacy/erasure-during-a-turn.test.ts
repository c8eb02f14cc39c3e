import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { messageSid } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { call, findEverywhere } from './privacy-fixture.js';

/**
 * An erasure asked for while the person's number is busy (a turn holds its lock, and a reply of
 * theirs waits behind it): it waits for the lock, and whichever goes first, nothing of theirs is
 * left afterwards and their waiting reply is never answered as theirs.
 */
describe('erasure while a turn is in flight', () => {
  let h: ConversationHarness;
  const kit = '+447700900345';
  const reply = 'sorry for the late reply, it has been a hard week';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.enrolServiceUser(kit, { consentInPerson: true });
  });
  afterAll(async () => h.close());

  it('when the erasure comes while the number is locked and a reply waits, then afterwards no text, number or record of theirs is left', async () => {
    const { locks, phones } = h.service.messaging.cases;
    const hash = phones.hash(kit);
    expect(await locks.acquire(hash, 'a turn in flight', 60_000)).toBe('acquired');
    const sid = messageSid();
    const posted = await h.post('/webhooks/twilio/inbound', { MessageSid: sid, AccountSid: h.fake.accountSid, From: kit, To: '+447700900000', Body: reply });
    expect(posted.status).toBe(200);
    await waitFor(() => h.database.db.collection('messages').findOne({ _id: sid as never, status: 'received' }), 5000, 'the reply recorded, waiting');
    const erasing = call(h, 'DELETE', '/api/service-users/SU-0001');
    await locks.release(hash, 'a turn in flight');
    expect(await erasing).toMatchObject({ status: 200, body: { status: 'erased' } });
    await h.settled();
    expect(await findEverywhere(h.database.db, [kit, kit.slice(1), '07700 900345', '07700900345', reply])).toEqual([]);
    expect(await h.database.db.collection('contacts').countDocuments({ _id: hash as never })).toBe(0);
    expect(await h.database.db.collection('messages').findOne({ _id: sid as never })).toMatchObject({ status: 'processed' });
  });
});
