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

  it('when an auto-responder answers every text of a service-user waiting for consent, then promptly replies at most 10 times in the hour, the worker is told once, the person\'s own YES still gets its questions, and replies resume after the hour', async () => {
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
    expect(await h.database.db.collection('messages').countDocuments({ direction: 'in', status: 'processed' })).toBe(inbound);

    // Still inside the hour: more automatic texts are handled and get nothing; the worker is not told again.
    h.clock.advance(10 * 60 * 1000);
    await h.text(phone, 'Auto-reply: I am away until Monday.');
    await h.settled();
    expect(h.inbox(phone).length - before).toBe(limit);
    // The person's own YES moves things on, so it is answered: consent recorded, the first question sent.
    await h.text(phone, 'YES');
    await h.settled();
    const enrolment = await h.database.db.collection('enrolments').findOne({ _id: enrolmentId as never });
    expect(enrolment?.status).toBe('active');
    expect(h.inbox(phone).length - before).toBeGreaterThan(limit);
    expect(h.inbox(worker).filter((text) => loopNotice.test(text))).toHaveLength(1);

    // The hour since the first counted reply has passed: an unreadable text is answered again.
    h.clock.advance(hour);
    const answered = h.inbox(phone).length;
    await h.text(phone, 'Auto-reply: I am away until Monday.');
    await h.settled();
    expect(h.inbox(phone).length).toBe(answered + 1);
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

    // A command is not chatter: it is answered even now.
    await h.text(staffPhone, 'STATUS');
    await h.settled();
    expect(h.inbox(staffPhone)).toHaveLength(limit + 1);

    h.clock.advance(hour);
    await h.text(staffPhone, 'Out of office');
    await h.settled();
    expect(h.inbox(staffPhone)).toHaveLength(limit + 2);
    expect(h.inbox(manager).filter((text) => loopNotice.test(text))).toHaveLength(1);
  });
});

describe('the loop breaker and people who are answering (issue 18 item 3)', () => {
  let h: ConversationHarness;
  beforeAll(async () => {
    h = await startConversationHarness({ env: { MAX_REPLIES_PER_HOUR: '2' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('when a person answers more questions in an hour than the limit, then every next question and the thanks are sent, and nobody is told of a loop', async () => {
    const phone = '+447700900211';
    const worker = '+447700900997';
    await h.enrolServiceUser(phone, { worker, consentInPerson: true });
    const before = h.inbox(phone).length;
    // One unreadable reply (re-asked, counted), then the four ONS4 answers: none of them counted.
    await h.text(phone, 'hmm');
    for (const answer of ['7', '8', '6', '3']) await h.text(phone, answer);
    await h.settled();

    const texts = h.inbox(phone).slice(before);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    expect(texts.at(-1)).toMatch(/thank/i);
    expect(h.inbox(worker).filter((text) => loopNotice.test(text))).toHaveLength(0);
  });
});
