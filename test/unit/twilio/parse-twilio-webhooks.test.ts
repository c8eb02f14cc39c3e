import { parseInboundWebhook, parseStatusCallback } from '../../../src/adapters/twilio/parse-twilio-webhooks.js';
import { failureReason } from '../../../src/adapters/twilio/twilio-error-codes.js';

describe("Twilio's webhooks in provider-neutral terms", () => {
  it('when a webhook comes from whatsapp:, then the channel is WhatsApp, the id is the MessageSid and the number is bare', () => {
    expect(parseInboundWebhook({ MessageSid: 'SM' + 'd'.repeat(32), From: 'whatsapp:+447700900603', Body: 'hi' })).toEqual(
      { ok: true, value: { id: 'SM' + 'd'.repeat(32), channel: 'whatsapp', from: '+447700900603', body: 'hi' } });
    expect(parseInboundWebhook({ MessageSid: 'SM' + 'e'.repeat(32), From: '+447700900604', Body: 'hi', OptOutType: 'STOP' })).toEqual(
      { ok: true, value: { id: 'SM' + 'e'.repeat(32), channel: 'sms', from: '+447700900604', body: 'hi', optOutType: 'STOP' } });
  });

  it('when a WhatsApp button is tapped, then its payload is the reply', () => {
    const parsed = parseInboundWebhook({ MessageSid: 'SM' + 'f'.repeat(32), From: 'whatsapp:+447700900605', Body: 'Yes please', ButtonPayload: 'YES' });
    expect(parsed).toMatchObject({ ok: true, value: { body: 'YES' } });
  });

  it('when a message carries pictures or a voice note, then it says how many and nothing of where they are', () => {
    const parsed = parseInboundWebhook({
      MessageSid: 'MM' + 'a'.repeat(32), From: '+447700900606', Body: '', NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', MediaContentType1: 'audio/ogg',
    });
    expect(parsed).toEqual({ ok: true, value: { id: 'MM' + 'a'.repeat(32), channel: 'sms', from: '+447700900606', body: '', mediaCount: 2 } });
    expect(JSON.stringify(parsed)).not.toContain('api.twilio.com');
  });

  it.each(['0', '', 'lots', '-1'])('when NumMedia is %j, then the message has no media count', (count) => {
    const parsed = parseInboundWebhook({ MessageSid: 'SM' + 'b'.repeat(32), From: '+447700900607', Body: 'hi', NumMedia: count });
    expect(parsed).toMatchObject({ ok: true, value: { body: 'hi' } });
    expect(parsed.ok && 'mediaCount' in parsed.value).toBe(false);
  });

  it('when the MessageSid is malformed, then every problem is listed', () => {
    expect(parseInboundWebhook({ MessageSid: 'nonsense', From: '' })).toEqual({ ok: false, problems: [expect.stringContaining('MessageSid'), expect.stringContaining('From')] });
  });

  it.each([
    ['queued', 'sent'], ['sending', 'sent'], ['sent', 'sent'], ['delivered', 'delivered'], ['undelivered', 'undelivered'],
    ['failed', 'failed'], ['canceled', 'failed'], ['read', 'read'], ['something-new', null],
  ])('when the status callback says %s, then our status is %s', (providerStatus, status) => {
    expect(parseStatusCallback({ MessageSid: 'SM' + '1'.repeat(32), MessageStatus: providerStatus }, 'm-1')).toEqual(
      { ok: true, value: { messageId: 'm-1', providerSid: 'SM' + '1'.repeat(32), providerStatus, status, errorCode: null } });
  });

  it.each([
    [21610, 'opted-out'], [63016, 'outside-window'], [63018, 'rate-limited'], [20429, 'rate-limited'],
    [30003, 'unreachable'], [30005, 'unreachable'], [30006, 'unreachable'], [21211, 'unreachable'], [63003, 'not-on-whatsapp'], [30007, 'rejected'],
  ])('when a status callback carries error %d, then the problem is %s', (code, problem) => {
    expect(parseStatusCallback({ MessageSid: 'SM' + '2'.repeat(32), MessageStatus: 'undelivered', ErrorCode: String(code) }, undefined)).toMatchObject(
      { ok: true, value: { errorCode: code, problem } });
  });

  it('when a send fails with no code, then the HTTP status decides', () => {
    expect(failureReason(null, 429)).toBe('rate-limited');
    expect(failureReason(null, 503)).toBe('unavailable');
    expect(failureReason(null, null)).toBe('unavailable');
    expect(failureReason(null, 400)).toBe('rejected');
  });
});
