import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService, type StartOptions } from '../../src/main.js';
import { signTwilioRequest, startFakeTwilio, type FakeSentMessage, type FakeTwilio } from './fake-twilio.js';
import { testConfig } from './test-config.js';
import { TestClock, waitFor } from './test-clock.js';

export const rigPublicBaseUrl = 'https://promptly.example.org';
/** Tuesday 1 December 2026, 11:00 in London: inside the send window, days from the next digest or summary. */
export const rigStartsAt = new Date('2026-12-01T11:00:00Z');

export interface ServiceRig {
  service: RunningService;
  fake: FakeTwilio;
  clock: TestClock;
  /** Posts a form to the service as Twilio would, signed with the real algorithm; `path` may carry a query. */
  post(path: string, params: Record<string, string>): Promise<Response>;
  /** A signed inbound SMS from `from`, answered 200 (the turn runs after the answer). */
  text(from: string, body: string): Promise<void>;
  /** A JSON call to the admin and case API with the admin token; throws unless it answers 2xx. */
  api<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** The texts the fake Twilio accepted for a number, oldest first. */
  sentTo(phone: string): FakeSentMessage[];
  /** Waits until the fake Twilio holds at least `count` texts for `phone`, and returns them. */
  waitForTexts(phone: string, count: number, timeoutMs?: number): Promise<FakeSentMessage[]>;
  close(): Promise<void>;
}

/**
 * One promptly service on a database of the caller's choosing, reached only through its public
 * entry points (signed webhooks, the admin API, the fake Twilio behind the real SDK), without jest:
 * the round-trip test and `npm run bench` share it. The clock starts at a fixed instant, so the
 * recurring jobs it schedules are days away whatever the wall clock says, and the scheduler polls
 * once an hour (its first poll comes at start-up), with the sweeps off: nothing runs in the
 * background while an operation is being counted or timed.
 */
export async function startServiceRig(mongodbUri: string, options: Pick<StartOptions, 'monitorCommands'> & { env?: Record<string, string> } = {}): Promise<ServiceRig> {
  const clock = new TestClock();
  clock.setTo(rigStartsAt);
  const fake = await startFakeTwilio({ now: () => clock.now() });
  const config = testConfig({
    MONGODB_URI: mongodbUri,
    PUBLIC_BASE_URL: rigPublicBaseUrl,
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_SMS_FROM: '+447700900000',
    TWILIO_API_BASE: fake.url,
    // Instances sharing one database (the fan-out benchmark) must share its encryption key.
    ...options.env,
  });
  const service = await startService(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), {
    clock,
    sweepEveryMs: null,
    scheduler: { processEveryMs: 3_600_000, lockLifetimeMs: 2000 },
    monitorCommands: options.monitorCommands,
  });

  const post = (path: string, params: Record<string, string>) =>
    fetch(`http://127.0.0.1:${service.port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(fake.authToken, `${rigPublicBaseUrl}${path}`, params) },
      body: new URLSearchParams(params).toString(),
    });
  const sentTo = (phone: string) => fake.sent.filter((message) => message.to === phone);

  return {
    service,
    fake,
    clock,
    post,
    async text(from, body) {
      const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, AccountSid: fake.accountSid, From: from, To: '+447700900000', Body: body };
      const response = await post('/webhooks/twilio/inbound', params);
      if (response.status !== 200) throw new Error(`the inbound webhook answered ${response.status} to "${body}"`);
    },
    async api<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
      const response = await fetch(`http://127.0.0.1:${service.port}${path}`, {
        method,
        headers: { authorization: `Bearer ${config.adminApiToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
      return answer;
    },
    sentTo,
    waitForTexts: (phone, count, timeoutMs = 20_000) => waitFor(() => sentTo(phone).length >= count && sentTo(phone), timeoutMs, `${count} texts to ${phone.slice(0, -3)}...`),
    async close() {
      await service.stop(5000);
      await fake.close();
      rmSync(config.spoolDir, { recursive: true, force: true });
    },
  };
}
