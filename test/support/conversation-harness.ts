import { addProgramme } from '../../src/app/add-programme.js';
import { startChannelHarness, messageSid, type ChannelHarness } from './channel-harness.js';
import { waitFor } from './test-clock.js';

export interface ConversationHarness extends ChannelHarness {
  /** Texts the bot from a phone and waits until its turn has been processed. */
  text(from: string, body: string, options?: { sid?: string; channel?: 'sms' | 'whatsapp'; params?: Record<string, string> }): Promise<void>;
  /** Message bodies the fake Twilio received for a number so far. */
  inbox(phone: string): string[];
  addProgramme(input: Record<string, unknown>): Promise<void>;
}

/** The channel harness with programmes and a "text and wait for the turn" helper, on a Tuesday late morning in London. */
export async function startConversationHarness(options: Parameters<typeof startChannelHarness>[1] = {}): Promise<ConversationHarness> {
  const h = await startChannelHarness(1, options);
  h.clock.setTo(new Date('2026-12-01T11:00:00Z'));
  const extra: Omit<ConversationHarness, keyof ChannelHarness> = {
    async text(from, body, options = {}) {
      const sid = options.sid ?? messageSid();
      const address = options.channel === 'whatsapp' ? `whatsapp:${from}` : from;
      const response = await h.post('/webhooks/twilio/inbound', { MessageSid: sid, AccountSid: h.fake.accountSid, From: address, To: '+447700900000', Body: body, ...options.params }, { stranger: true });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      // The turn runs after the webhook answers: wait until the message is no longer waiting.
      await waitFor(async () => {
        const stored = await h.database.db.collection('messages').findOne({ _id: sid as never });
        return !stored || stored.status !== 'received';
      }, 10_000, `turn for "${body}"`);
      // While others text at the same time this waits for their turns too (the exactly-once test has
      // eight at once), so it is given as long as a turn: 5 s ran out on a busy machine.
      await waitFor(async () => (await h.database.db.collection('turnLocks').countDocuments()) === 0, 10_000, 'turn lock released');
    },
    inbox(phone) {
      return h.fake.sent.filter((m) => m.to === phone || m.to === `whatsapp:${phone}`).map((m) => m.body ?? `[template ${m.contentSid}]`);
    },
    async addProgramme(input) {
      const { programmes, measures, audit, clock } = h.service.messaging.cases;
      const result = await addProgramme({ programmes, measures, audit, clock }, input, 'test');
      if (!result.ok) throw new Error(`programme not added: ${JSON.stringify(result)}`);
    },
  };
  // Assign rather than spread: the harness's `service` is a getter that follows restarts.
  return Object.assign(h, extra);
}
