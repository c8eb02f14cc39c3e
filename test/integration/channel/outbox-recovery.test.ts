import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../../src/app/ports/message-log.js';
import { deliverMessage } from '../../../src/app/channel/deliver-message.js';
import { sendMessage } from '../../../src/app/channel/send-message.js';
import { sweepOutbox } from '../../../src/app/channel/sweep-outbox.js';
import { startChannelHarness, type ChannelHarness } from '../../support/channel-harness.js';

describe('the outbox', () => {
  let h: ChannelHarness;
  beforeAll(async () => (h = await startChannelHarness()));
  afterAll(async () => h.close());
  beforeEach(() => h.fake.clear());

  const minutes = 60_000;
  const deps = () => h.service.messaging.delivery;
  const record = async (phone: string, body: string): Promise<OutboundMessage> => {
    const message: OutboundMessage = {
      id: randomUUID(), channel: 'sms', phoneHash: deps().phones.hash(phone), phoneEnc: deps().phones.encrypt(phone), body, purpose: 'notice',
      status: 'pending', attempts: 0, nextAttemptAt: h.clock.now(), createdAt: h.clock.now(),
    };
    await deps().messages.insertOutbound(message);
    return message;
  };
  const statusOf = async (id: string) => (await deps().messages.getOutbound(id))?.status;

  it('when the process died after recording a message and before sending it, then the sweep sends it once', async () => {
    const message = await record('+447700900401', 'recorded, never sent');
    expect(h.fake.sent).toHaveLength(0);
    await sweepOutbox(deps());
    await sweepOutbox(deps());
    expect(h.fake.sent.filter((m) => m.body === 'recorded, never sent')).toHaveLength(1);
    expect(await statusOf(message.id)).toBe('sent');
  });

  it('when the process died after claiming a message but before Twilio got it, then the sweep finds no record and sends it again', async () => {
    const message = await record('+447700900402', 'claimed, never reached Twilio');
    expect(await deps().messages.claim(message.id, h.clock.now())).not.toBeNull();
    expect(await sweepOutbox(deps())).toEqual({ recovered: 0, resent: 0, delivered: 0 });

    h.clock.advance(2 * minutes);
    expect(await sweepOutbox(deps())).toEqual({ recovered: 0, resent: 1, delivered: 1 });
    expect(h.fake.sent.filter((m) => m.body === 'claimed, never reached Twilio')).toHaveLength(1);
    expect(await statusOf(message.id)).toBe('sent');
  });

  it('when the process died after Twilio accepted a message but before recording it as sent, then the sweep records it without sending twice', async () => {
    const message = await record('+447700900403', 'accepted, not recorded');
    await deps().messages.claim(message.id, h.clock.now());
    const accepted = await deps().transports.twilio?.send({ to: '+447700900403', channel: 'sms', body: 'accepted, not recorded' });
    expect(accepted?.ok).toBe(true);

    h.clock.advance(2 * minutes);
    expect(await sweepOutbox(deps())).toEqual({ recovered: 1, resent: 0, delivered: 0 });
    expect(h.fake.sent.filter((m) => m.body === 'accepted, not recorded')).toHaveLength(1);
    const stored = await deps().messages.getOutbound(message.id);
    expect(stored).toMatchObject({ status: 'sent', providerSid: accepted?.ok ? accepted.providerSid : 'missing' });
    expect(await deps().messages.timeline(message.id)).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'sent', recovered: true })]));
  });

  it('when the process died between claiming an attempt and marking the message, then the sweep settles it and it is sent once', async () => {
    const message = await record('+447700900404', 'claim marker written, message never updated');
    // What the dead process left: its attempt marker, a minute and more ago, and the message still pending.
    await h.database.db.collection('sendAttempts').insertOne({ _id: `${message.id}#1` as never, messageId: message.id, at: h.clock.now(), realAt: new Date(Date.now() - 2 * minutes) });
    await sweepOutbox(deps());
    expect(await statusOf(message.id)).toBe('sending');
    h.clock.advance(2 * minutes);
    await sweepOutbox(deps());
    await sweepOutbox(deps());
    expect(h.fake.sent.filter((m) => m.body === 'claim marker written, message never updated')).toHaveLength(1);
    expect(await statusOf(message.id)).toBe('sent');
  });

  it('when that half-made attempt did reach Twilio, then the sweep records it as sent without sending again', async () => {
    const message = await record('+447700900405', 'half-claimed but delivered');
    await h.database.db.collection('sendAttempts').insertOne({ _id: `${message.id}#1` as never, messageId: message.id, at: h.clock.now(), realAt: new Date(Date.now() - 2 * minutes) });
    await deps().transports.twilio?.send({ to: '+447700900405', channel: 'sms', body: 'half-claimed but delivered' });
    await sweepOutbox(deps());
    h.clock.advance(2 * minutes);
    expect(await sweepOutbox(deps())).toEqual({ recovered: 1, resent: 0, delivered: 0 });
    expect(h.fake.sent.filter((m) => m.body === 'half-claimed but delivered')).toHaveLength(1);
    expect(await statusOf(message.id)).toBe('sent');
  });

  it('when another process has only just claimed the attempt, then the sweep leaves it alone', async () => {
    const message = await record('+447700900406', 'claimed a moment ago');
    await h.database.db.collection('sendAttempts').insertOne({ _id: `${message.id}#1` as never, messageId: message.id, at: h.clock.now(), realAt: new Date() });
    await sweepOutbox(deps());
    expect(await statusOf(message.id)).toBe('pending');
    expect(h.fake.sent.filter((m) => m.body === 'claimed a moment ago')).toHaveLength(0);
    // That other process is imaginary: take its message away so later sweeps here see only their own.
    await h.database.db.collection('messages').deleteOne({ _id: message.id as never });
  });

  it('when two processes try to send the same message at once, then it is sent once', async () => {
    const message = await record('+447700900404', 'raced');
    
    await Promise.all([deliverMessage(deps(), message.id), deliverMessage(deps(), message.id), deliverMessage(deps(), message.id)]);
    expect(h.fake.sent.filter((m) => m.body === 'raced')).toHaveLength(1);
  });

  it('when Twilio answers 429 and then 500, then the message is retried later and sent, with both errors kept', async () => {
    h.fake.failNext(1, { status: 429, message: 'Too Many Requests' });
    const phone = '+447700900405';
    const id = await sendMessage(deps(), { channel: 'sms', phoneHash: deps().phones.hash(phone), phoneEnc: deps().phones.encrypt(phone), body: 'busy line', purpose: 'notice' });
    expect(await statusOf(id)).toBe('pending');
    expect(await sweepOutbox(deps())).toMatchObject({ delivered: 0 });

    h.fake.failNext(1, { status: 500 });
    h.clock.advance(31_000);
    await sweepOutbox(deps());
    expect(await statusOf(id)).toBe('pending');
    h.clock.advance(61_000);
    await sweepOutbox(deps());
    expect(await statusOf(id)).toBe('sent');
    const retries = (await deps().messages.timeline(id)).filter((e) => e.status === 'retry') as unknown as Array<{ errorCode: number | null }>;
    expect(retries.map((e) => e.errorCode)).toEqual([20429, 20500]);
    expect(h.fake.sent.filter((m) => m.body === 'busy line')).toHaveLength(1);
  });

  it('when Twilio refuses a message for good, then it is failed with the code and not retried', async () => {
    h.fake.failNext(1, { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const phone = '+447700900406';
    const id = await sendMessage(deps(), { channel: 'sms', phoneHash: deps().phones.hash(phone), phoneEnc: deps().phones.encrypt(phone), body: 'bad number', purpose: 'notice' });
    h.clock.advance(10 * minutes);
    await sweepOutbox(deps());
    expect(await deps().messages.getOutbound(id)).toMatchObject({ status: 'failed', errorCode: 21211 });
    expect(h.fake.requests).toBe(1);
  });
});
