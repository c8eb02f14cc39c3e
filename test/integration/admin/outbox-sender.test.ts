import { outboxSender } from '../../../scripts/cli/outbox-sender.js';
import { createMongoMessageLog } from '../../../src/adapters/mongo/mongo-message-log.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

/** The CLI texts staff (staff reassign) by recording in the outbox; the running server sends. */
describe('texts recorded by a CLI command', () => {
  let h: ConversationHarness;
  beforeAll(async () => (h = await startConversationHarness()));
  afterAll(async () => h.close());

  it('when a command records a text, then it is kept once per id and the server\'s outbox sweep sends it', async () => {
    const sam = await h.registerStaff('+447700900301', 'worker', 'Sam');
    const send = outboxSender(createMongoMessageLog(h.database.db), h.clock);
    const text = { id: 'reassign:test:to', channel: 'sms' as const, phoneHash: sam.phoneHash, phoneEnc: sam.phoneEnc, body: 'SU-0001 is now on your caseload.', purpose: 'notice' as const };
    await send(text);
    await send(text);
    expect(await h.database.db.collection('messages').find({ _id: 'reassign:test:to' as never }).toArray()).toEqual([expect.objectContaining({ status: 'pending' })]);
    await h.service.messaging.sweepOutbox();
    expect(h.inbox('+447700900301')).toEqual(['SU-0001 is now on your caseload.']);
  });
});
