import { maskSensitiveText } from '../../domain/privacy/mask-sensitive-text.js';

/**
 * A failed Twilio call in the only shape that leaves the adapter: Twilio's error code or the
 * network error code, the HTTP status, and a message with numbers and credentials masked. The
 * SDK's own errors never leave it: an axios error holds the whole request (the Basic-auth header
 * with the account SID and auth token, the form body with the recipient and the text), and
 * Twilio's messages quote the number they refused ("The 'To' number +44... is not valid").
 */
export class TwilioRequestError extends Error {
  override readonly name = 'TwilioRequestError';
  /** Twilio's error code (21211, 20429...) when it answered; the socket's (ECONNRESET...) when it did not. */
  readonly code: number | string | null;
  /** The HTTP status; null when no HTTP answer came at all. */
  readonly status: number | null;

  constructor(summary: { code: number | string | null; status: number | null; message: string }) {
    super(summary.message);
    this.code = summary.code;
    this.status = summary.status;
  }

  /** The safe summary of whatever the SDK threw. */
  static from(error: unknown): TwilioRequestError {
    if (error instanceof TwilioRequestError) return error;
    const failure = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
    const text = typeof failure.message === 'string' && failure.message ? failure.message : String(error);
    // RestException (legacy JSON) and TwilioServiceException (RFC 9457) both carry status and code.
    const status = typeof failure.status === 'number' ? failure.status : null;
    const code = typeof failure.code === 'number' || typeof failure.code === 'string' ? failure.code : null;
    // A network error's code is what callers match on (deliver-message reads ECONNREFUSED as "never
    // sent"), so it leads the message when the message does not already say it.
    const message = typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
    return new TwilioRequestError({ code, status, message: maskSensitiveText(message) });
  }
}
