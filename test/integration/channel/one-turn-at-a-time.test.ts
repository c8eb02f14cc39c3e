import { createMongoMessageLog } from '../../../src/adapters/mongo/mongo-message-log.js';
import { createMongoTurnLocks } from '../../../src/adapters/mongo/mongo-turn-locks.js';
import { drainInbox } from '../../../src/app/channel/drain-inbox.js';
import type { InboundMessage } from '../../../src/app/ports/message-log.js';
import { createLogger } from '../../../src/logger.js';
import { messageSid, startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';

describe('one turn at a time per number', () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness(2)));
  afterAll(async () => h.close());

  it('when several processes drain the same number at once, then turns never overlap and run in arrival order', async () => {
    const messages = createMongoMessageLog(h.database.db);
    const phoneHash = 'hash-of-a-busy-number';
    const base = Date.now();
    for (let i = 0; i < 8; i++) {
      await messages.insertInbound({ id: `in-${i}`, channel: 'sms', phoneHash, phoneEnc: 'x', body: `reply ${i}`, receivedAt: new Date(base + i), status: 'received' });
    }
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const drainer = () => drainInbox({
      messages,
      locks: createMongoTurnLocks(h.database.db),
      clock: h.clock,
      logger: createLogger('silent'),
      runTurn: async (message: InboundMessage) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        log.push(message.body);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return {};
      },
      onTurnFailed: async () => {},
    }, phoneHash);

    const results = await Promise.all([drainer(), drainer(), drainer(), drainer()]);
    // One of them holds the lock and runs all eight; the others find it busy (or, later, nothing left).
    expect(results.map((result) => result.turns).sort()).toEqual([0, 0, 0, 8]);
    expect(maxRunning).toBe(1);
    expect(log).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `reply ${i}`));
  });

  it('when one number texts two servers at once, then each text is answered once, one turn at a time, the replies in the order the turns ran', async () => {
    const phone = '+447700900501';
    const sids = Array.from({ length: 6 }, () => messageSid());
    await Promise.all(sids.map((sid, i) =>
      h.post('/webhooks/twilio/inbound', { MessageSid: sid, AccountSid: h.fake.accountSid, From: phone, To: '+447700900000', Body: `answer ${i}` }, { service: h.services[i % 2] })));
    // Each turn records and sends its reply before its message is marked processed: once all six
    // are processed and the lock is free, every reply there will be has been sent.
    const inbound = await waitFor(async () => {
      const found = await h.database.db.collection('messages').find({ direction: 'in', _id: { $in: sids as never[] } }).toArray();
      const locks = await h.database.db.collection('turnLocks').countDocuments();
      return found.length === 6 && found.every((m) => m.status === 'processed') && locks === 0 ? found : null;
    });
    const replies = h.fake.sent.filter((m) => m.to === phone);
    expect(replies).toHaveLength(6);
    // Texts that reach two servers at the same moment have no order of their own (Twilio promises
    // none either): what must hold is that the turns ran one after another and each reply went
    // out before the next turn began, so the replies follow the order the turns were processed in.
    const turnOrder = [...inbound].sort((a, b) => (a.processedAt as Date).getTime() - (b.processedAt as Date).getTime()).map((m) => `answer ${sids.indexOf(m._id as unknown as string)}`);
    expect(new Set(turnOrder).size).toBe(6);
    expect(replies.map((m) => /"(answer \d)"/.exec(m.body ?? '')?.[1])).toEqual(turnOrder);
  });
});
