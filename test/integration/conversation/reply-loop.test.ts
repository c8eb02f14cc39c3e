import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

const limit = 10;
const hour = 60 * 60 * 1000;
const loopNotice = /answer every text automatically/;

/**
 * A fake auto-responder: every text the fake Twilio gets for `phone` is answered at once with an
 * inbound webhook from it, as another bot or an out-of-office reply would. Bounded: it stops after
 * `maxInbound` texts, or when promptly sends nothing back (the positive signal: the turn ran, its
 * lock is released and nothing is being sent, yet no new text came).
 */
async function autoRespond(h: ConversationHarness, phone: string, maxInbound = 60): Promise<number> {
  let inbound = 0;
  let answered = h.inbox(phone).length;
  do {
    await h.text(phone, `Thank you for your message. This is an automatic reply (${inbound}).`);
    inbound++;
    await h.settled();
    const now = h.inbox(phone).length;
    if (now === answered) break;
    answered = now;
  } while (inbound < maxInbound);
  return inbound;
}

describe('the loop breaker (issue 18 item 3)', () => {
  let h: ConversationHarness;
  beforeEach(async () => {
    h = await startConversationHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('when an auto-responder answers every text of a service-user waiting for consent, then promptly replies at most 10 times in the hour, the worker is told once, answers are still recorded, and replies resume after the hour', async () => {
    const phone = '+447700900201';
    const worker = '+447700900998';
    const { enrolmentId, reference } = await h.enrolServiceUser(phone, { worker });
    const before = h.inbox(phone).length;

    const inbound = await autoRespond(h, phone);

    expect(inbound).toBe(limit + 1);
    expect(h.inbox(phone).length - before).toBe(limit);
    const notices = h.inbox(worker).filter((text) => loopNotice.test(text));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(reference);
    // Every text from the number was stored and its turn run.
    expect(await h.database.db.collection('messages').countDocuments({ direction: 'in', status: { $ne: 'received' } })).toBe(inbound);

    // Still inside the hour: the person's own YES is recorded and the baseline opens, silently.
    h.clock.advance(10 * 60 * 1000);
    await h.text(phone, 'YES');
    await h.settled();
    const enrolment = await h.database.db.collection('enrolments').findOne({ _id: enrolmentId as never });
    expect(enrolment?.status).toBe('active');
    expect(h.inbox(phone).length - before).toBe(limit);
    expect(h.inbox(worker).filter((text) => loopNotice.test(text))).toHaveLength(1);

    // The hour since the first counted reply has passed: the next answer gets its reply.
    h.clock.advance(hour);
    await h.text(phone, '7');
    await h.settled();
    expect(h.inbox(phone).length - before).toBeGreaterThan(limit);
    expect(h.inbox(phone).at(-1)).toMatch(/\?/);
  });

  it('when an auto-responder answers every text of a staff phone, then promptly replies at most 10 times and a manager is told once', async () => {
    const staffPhone = '+447700900301';
    const manager = '+447700900302';
    await h.registerStaff(manager, 'manager', 'Mo Manager');
    await h.registerStaff(staffPhone, 'worker', 'Sam Worker');

    const inbound = await autoRespond(h, staffPhone);

    expect(inbound).toBe(limit + 1);
    expect(h.inbox(staffPhone)).toHaveLength(limit);
    const notices = h.inbox(manager).filter((text) => loopNotice.test(text));
    expect(notices).toEqual([expect.stringContaining('Sam Worker')]);

    h.clock.advance(hour);
    await h.text(staffPhone, 'STATUS');
    await h.settled();
    expect(h.inbox(staffPhone)).toHaveLength(limit + 1);
  });
});
