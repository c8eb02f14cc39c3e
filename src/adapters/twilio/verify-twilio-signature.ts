import twilio from 'twilio';

/** Twilio's own algorithm: HMAC of the full public URL plus the sorted POST parameters. */
export function verifyTwilioSignature(authToken: string, signature: string, url: string, params: Record<string, string>): boolean {
  return twilio.validateRequest(authToken, signature, url, params);
}
