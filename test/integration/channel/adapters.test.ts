import { startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';
import { waitFor } from '../../support/test-clock.js';

describe('botbuilder adapters', () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness()));
  afterAll(async () => h.close());

  it('when a message arrives on the simulator channel, then the same bot answers through the simulator, with no Twilio call', async () => {
    await h.registerStaff('+447700900601');
    const requestsBefore = h.fake.requests;
    const { outcome, runTurns } = await h.service.messaging.receive({ id: 'sim-1', channel: 'simulator', from: '+447700900601', body: 'help' });
    expect(outcome).toBe('inserted');
    await runTurns();
    const reply = await waitFor(() => h.service.messaging.simulator.delivered.find((m) => m.to === '+447700900601'));
    expect(reply.body).toContain('Reply STOP to opt out');
    expect(h.fake.requests).toBe(requestsBefore);
    const stored = await h.database.db.collection('messages').findOne({ direction: 'out', channel: 'simulator', providerSid: reply.sid });
    expect(stored).toMatchObject({ status: 'sent', purpose: 'reply' });
  });

  it('when anything tries to send through the bot adapter, then it refuses: every text goes out through the outbox', async () => {
    const adapter = h.service.messaging.twilioAdapter;
    await expect(adapter.processInbound(
      { id: 'SM' + 'c'.repeat(32), channel: 'sms', phoneHash: 'h', phoneEnc: 'e', body: 'hello', receivedAt: new Date(), status: 'received' },
      async (context) => context.sendActivity('a reply that bypasses the outbox'),
    )).rejects.toThrow('through the outbox');
    await expect(adapter.continueConversation()).rejects.toThrow('through the outbox');
  });
});
