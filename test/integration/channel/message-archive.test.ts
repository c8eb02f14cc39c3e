import { archiveMessages, workingSetMs } from '../../../src/app/channel/archive-messages.js';
import { messageSid, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';

describe('the working set of messages and the archive', () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness()));
  afterAll(async () => h.close());

  const messages = () => h.database.db.collection('messages');
  const archive = () => h.database.db.collection('messageArchive');

  it('when messages have been settled for more than a day, then they move to the archive and are still found by id; anything unsettled stays', async () => {
    const sid = messageSid();
    await h.post('/webhooks/twilio/inbound', { MessageSid: sid, AccountSid: h.fake.accountSid, From: '+447700900951', To: '+447700900000', Body: 'STATUS' });
    const reply = await waitFor(async () => (await messages().findOne({ direction: 'out', replyTo: sid, status: 'sent' })) ?? null);
    await waitFor(async () => (await messages().findOne({ _id: sid as never }))?.status === 'processed');
    // A day passes (wall clock, as the working set is measured); one message is still waiting to go.
    const dayAgo = new Date(Date.now() - workingSetMs - 60_000);
    await messages().updateMany({ _id: { $in: [sid, reply._id] as never[] } }, { $set: { realAt: dayAgo } });
    await messages().insertOne({ _id: 'still-pending' as never, direction: 'out', status: 'pending', realAt: dayAgo, phoneHash: 'x', body: 'later', nextAttemptAt: new Date(Date.now() + 3_600_000) });

    expect(await archiveMessages(h.service.messaging.delivery)).toBe(2);
    expect(await messages().countDocuments({ _id: { $in: [sid, reply._id] as never[] } })).toBe(0);
    expect(await archive().countDocuments({ _id: { $in: [sid, reply._id] as never[] } })).toBe(2);
    expect(await messages().findOne({ _id: 'still-pending' as never })).not.toBeNull();
    const archived = await h.service.messaging.delivery.messages.getOutbound(String(reply._id));
    expect(archived).toMatchObject({ status: 'sent', replyTo: sid });
    expect((await h.service.messaging.delivery.messages.timeline(String(reply._id))).map((step) => step.status)).toEqual(['pending', 'sending', 'sent']);
    expect(await archiveMessages(h.service.messaging.delivery)).toBe(0);
  });

  it('when a run died between copying and removing, then the next run finishes without a second copy', async () => {
    const doc = { _id: 'half-archived' as never, direction: 'in', status: 'processed', realAt: new Date(Date.now() - workingSetMs - 60_000), phoneHash: 'y', body: 'x' };
    await messages().insertOne(doc);
    await archive().insertOne(doc);
    expect(await archiveMessages(h.service.messaging.delivery)).toBe(1);
    expect(await messages().countDocuments({ _id: 'half-archived' as never })).toBe(0);
    expect(await archive().countDocuments({ _id: 'half-archived' as never })).toBe(1);
  });
});
