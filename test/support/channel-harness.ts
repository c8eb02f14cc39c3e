import { randomUUID } from 'node:crypto';
import type { StaffMember } from '../../src/app/ports/staff-directory.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { startFakeTwilio, signTwilioRequest, type FakeTwilio } from './fake-twilio.js';
import { testConfig, testSchedulerOptions } from './test-config.js';
import { TestClock } from './test-clock.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export const publicBaseUrl = 'https://promptly.example.org';
export const invitationTemplate = `HX${'1'.repeat(32)}`;

export interface ChannelHarness {
  database: TestDatabase;
  fake: FakeTwilio;
  clock: TestClock;
  services: RunningService[];
  service: RunningService;
  adminToken: string;
  /**
   * Posts a form to the service as Twilio would, signed with the real algorithm unless told otherwise.
   * The sender (From) is registered as a worker first unless `stranger` is set, since the bot only
   * talks to staff and enrolled service-users.
   */
  post(path: string, params: Record<string, string>, options?: { signature?: string | null; service?: RunningService; stranger?: boolean }): Promise<Response>;
  /** Stops the first process (draining jobs) and starts it again on the same database and clock. */
  restart(options?: { beforeStart?: () => Promise<void> | void }): Promise<void>;
  /** Makes a number a worker's (idempotent). */
  registerStaff(phone: string, role?: 'worker' | 'manager' | 'admin', name?: string): Promise<StaffMember>;
  close(): Promise<void>;
}

/** One or more promptly processes on one database, sending through the real twilio SDK to a fake Twilio. */
export async function startChannelHarness(processes = 1, options: { scheduler?: Partial<typeof testSchedulerOptions>; inboxRetryDelaysMs?: number[] } = {}): Promise<ChannelHarness> {
  const database = await openTestDatabase();
  const clock = new TestClock();
  const fake = await startFakeTwilio({ now: () => clock.now() });
  const config = testConfig({
    MONGODB_URI: database.uri,
    PUBLIC_BASE_URL: publicBaseUrl,
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_SMS_FROM: '+447700900000',
    TWILIO_WHATSAPP_FROM: 'whatsapp:+447700900001',
    TWILIO_API_BASE: fake.url,
    TWILIO_WHATSAPP_TEMPLATE_INVITATION: invitationTemplate,
  });
  const start = () => startService(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), { scheduler: { ...testSchedulerOptions, ...options.scheduler }, clock, sweepEveryMs: null, inboxRetryDelaysMs: options.inboxRetryDelaysMs ?? [100, 200] });
  const services: RunningService[] = [];
  for (let i = 0; i < processes; i++) {
    // The tests drive the sweeps themselves, so each test decides when recovery runs.
    services.push(await start());
  }
  // One registration per number, even when two posts from it race: the second waits for the first.
  const registering = new Map<string, Promise<StaffMember>>();
  const registerStaff = (phone: string, role: StaffMember['role'] = 'worker', name = `Worker ${phone.slice(-3)}`): Promise<StaffMember> => {
    const known = registering.get(phone);
    if (known) return known;
    const registered = (async () => {
      const { staff, phones } = (services[0] as RunningService).messaging.cases;
      const existing = await staff.findByPhoneHash(phones.hash(phone));
      if (existing) return existing;
      const member: StaffMember = { id: randomUUID(), name, role, team: 'main', phoneHash: phones.hash(phone), phoneEnc: phones.encrypt(phone), createdAt: new Date() };
      await staff.add(member);
      return member;
    })();
    registering.set(phone, registered);
    return registered;
  };
  return {
    database,
    fake,
    clock,
    services,
    get service() {
      return services[0] as RunningService;
    },
    async restart(options = {}) {
      await (services[0] as RunningService).stop(5000);
      await options.beforeStart?.();
      services[0] = await start();
    },
    adminToken: config.adminApiToken,
    registerStaff,
    async post(path, params, options = {}) {
      if (params.From && !options.stranger) await registerStaff(params.From.replace(/^whatsapp:/, ''));
      const target = options.service ?? (services[0] as RunningService);
      const signature = options.signature === undefined ? signTwilioRequest(fake.authToken, `${publicBaseUrl}${path}`, params) : options.signature;
      return fetch(`http://127.0.0.1:${target.port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
        body: new URLSearchParams(params).toString(),
      });
    },
    async close() {
      for (const running of services) await running.stop(5000).catch(() => {});
      await fake.close();
      await database.close();
    },
  };
}

let sidCounter = 0;
/** A fresh, well-formed Twilio MessageSid. */
export function messageSid(): string {
  sidCounter++;
  return `SM${sidCounter.toString(16).padStart(8, '0')}${'0'.repeat(24)}`;
}
