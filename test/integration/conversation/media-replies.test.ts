import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

describe('a picture or a voice note instead of an answer', () => {
  let h: ConversationHarness;
  const dee = '+447700900831';
  const max = '+447700900832';
  const picture = { NumMedia: '1', MediaContentType0: 'image/jpeg', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0' };

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(dee, 'worker', 'Dee');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await h.text(dee, 'ENROL 07700 900832');
    await h.text(max, 'yes');
    await h.text(max, '7');
  });
  afterAll(async () => h.close());

  it('when Max sends a picture with no text, then the bot says it can only read text, gives the answer hint, and the question stays open', async () => {
    const before = h.inbox(max).length;
    await h.text(max, '', { params: picture });
    const replies = h.inbox(max).slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^Sorry, I can only read text replies\. Please reply with a number from 0 to 10\./);
    expect(replies[0]).not.toMatch(/^Please reply with/);
    // Still the second question: a number now answers it.
    await h.text(max, '8');
    expect(h.inbox(max).at(-1)).toMatch(/^Q3\/4/);
    const stored = await h.database.db.collection('contacts').findOne({ 'conversation.questionnaire.answers.worthwhile.value': 8 });
    expect(stored).not.toBeNull();
  });

  it('when several voice notes come one after another, then the question is never given up on or moved past', async () => {
    const voice = { NumMedia: '1', MediaContentType0: 'audio/ogg', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1' };
    for (let i = 0; i < 4; i++) await h.text(max, '', { params: voice });
    expect(h.inbox(max).slice(-4).every((text) => text.startsWith('Sorry, I can only read text replies.'))).toBe(true);
    await h.text(max, '5');
    expect(h.inbox(max).at(-1)).toMatch(/^Q4\/4/);
    // What was recorded of the message is how many attachments it had, never where they are.
    const inbound = await h.database.db.collection('messages').find({ direction: 'in', mediaCount: 1 }).toArray();
    expect(inbound.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(inbound)).not.toContain('api.twilio.com');
  });
});
