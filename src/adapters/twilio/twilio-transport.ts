import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { MessageListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/message.js';
import type { MessageTransport, OutboundRequest, SendResult } from '../../app/ports/message-transport.js';
import { failureReason } from './twilio-error-codes.js';
import { TwilioRequestError } from './twilio-request-error.js';

export type { OutboundRequest, SendResult } from '../../app/ports/message-transport.js';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  smsFrom?: string;
  messagingServiceSid?: string;
  whatsappFrom?: string;
  /** Send REST calls here instead of https://api.twilio.com (local fakes, load tests). */
  apiBase?: string;
  /** How long one REST call may take before it is abandoned; default 15 s. Tests shorten it to provoke timeouts. */
  requestTimeoutMs?: number;
}

/**
 * One provider hop over the real twilio SDK. `send` never throws: a refusal or an outage comes back
 * as data with `retryable` set, and the outbox decides what to do. `findSent` does throw when Twilio
 * cannot be asked, because "could not check" must not be mistaken for "was never sent". Either way
 * a failure leaves as a TwilioRequestError's fields, never as the SDK's error (see there why).
 */
export function createTwilioTransport(settings: TwilioSettings): MessageTransport {
  // The SDK retries 429s itself only when autoRetry is on; we keep it off explicitly so that
  // retries (and their timing) belong to the outbox, which records every attempt.
  const httpClient = new RebasingRequestClient(settings.apiBase, { autoRetry: false, timeout: settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS });
  const client = twilio(settings.accountSid, settings.authToken, { httpClient, autoRetry: false });

  return {
    async send(request: OutboundRequest): Promise<SendResult> {
      const sender = senderFor(settings, request.channel);
      if (!sender) {
        const message = `no ${request.channel === 'sms' ? 'SMS' : 'WhatsApp'} sender is configured`;
        return { ok: false, reason: 'not-configured', errorCode: null, httpStatus: null, message, retryable: false, inDoubt: false };
      }
      const params: MessageListInstanceCreateOptions = { to: addressFor(request.channel, request.to), ...sender };
      if (request.body !== undefined) params.body = request.body;
      if (request.contentSid !== undefined) params.contentSid = request.contentSid;
      if (request.contentVariables !== undefined) params.contentVariables = JSON.stringify(request.contentVariables);
      if (request.statusCallback !== undefined) params.statusCallback = request.statusCallback;
      try {
        const message = await client.messages.create(params);
        return { ok: true, providerSid: message.sid, status: message.status };
      } catch (error) {
        return describeFailure(error);
      }
    },

    async findSent({ to, channel, since, body }) {
      // No DateSent filter on purpose: Twilio filters DateSent by whole GMT days and a message still
      // queued has no date_sent yet, so the filter could hide the very message we are looking for.
      // A recipient gets a handful of messages a week, so the newest page is plenty.
      const messages = await client.messages.list({ to: addressFor(channel, to), pageSize: RECENT, limit: RECENT }).catch((error: unknown) => {
        throw TwilioRequestError.from(error);
      });
      // Twilio's dates are whole seconds (RFC 2822), so a message created in the same second as
      // `since` must still count.
      const from = Math.floor(since.getTime() / 1000) * 1000;
      const match = messages
        .filter((message) => message.direction !== 'inbound' && message.dateCreated.getTime() >= from)
        .filter((message) => body === undefined || message.body === body)
        .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())[0];
      return match ? { providerSid: match.sid, status: match.status } : null;
    },
  };
}

const REQUEST_TIMEOUT_MS = 15_000;
const RECENT = 20;
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * Rewrites every request the SDK makes (including next-page URLs, which Twilio returns as absolute
 * api.twilio.com addresses) onto `apiBase`, keeping the path and query.
 */
class RebasingRequestClient extends twilio.RequestClient {
  private readonly base: URL | undefined;

  constructor(apiBase: string | undefined, options: RequestClient.RequestClientOptions) {
    super(options);
    this.base = apiBase ? new URL(apiBase) : undefined;
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    if (!this.base) return super.request(options);
    const original = new URL(options.uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const uri = new URL(prefix + original.pathname + original.search, this.base.origin).href;
    return super.request({ ...options, uri });
  }
}

function senderFor(settings: TwilioSettings, channel: OutboundRequest['channel']) {
  if (channel === 'whatsapp') {
    if (settings.whatsappFrom) return { from: addressFor('whatsapp', settings.whatsappFrom) };
    // A messaging service can hold a WhatsApp sender too; Twilio picks it from the `to` prefix.
    return settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : undefined;
  }
  if (settings.messagingServiceSid) return { messagingServiceSid: settings.messagingServiceSid };
  return settings.smsFrom ? { from: settings.smsFrom } : undefined;
}

function addressFor(channel: OutboundRequest['channel'], number: string): string {
  const bare = number.replace(/^whatsapp:/i, '');
  return channel === 'whatsapp' ? `whatsapp:${bare}` : bare;
}

function describeFailure(error: unknown): SendResult {
  const { status, code, message } = TwilioRequestError.from(error);
  if (status !== null) {
    const errorCode = typeof code === 'number' ? code : null;
    const reason = failureReason(errorCode, status);
    return { ok: false, reason, errorCode, httpStatus: status, message, retryable: reason === 'rate-limited' || reason === 'unavailable', inDoubt: false };
  }
  // No HTTP answer at all: Twilio may or may not have the message, so retry (the outbox can use
  // findSent first). Anything else is a bug or a misconfiguration that retrying will not fix.
  const isAxiosError = (error as { isAxiosError?: unknown } | null)?.isAxiosError === true;
  const retryable = isAxiosError || (typeof code === 'string' && NETWORK_ERROR_CODES.has(code));
  // A connection that was never made cannot have delivered anything; any other silence might have.
  const inDoubt = retryable && !(typeof code === 'string' && NEVER_CONNECTED.has(code));
  return { ok: false, reason: retryable ? 'unavailable' : 'rejected', errorCode: null, httpStatus: null, message, retryable, inDoubt };
}
