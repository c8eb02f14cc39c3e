import { randomUUID } from 'node:crypto';
import { addProgramme } from '../../src/app/admin/add-programme.js';
import type { StaffMember } from '../../src/app/ports/staff-directory.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { startFakeTwilio, signTwilioRequest, type FakeTwilio } from './fake-twilio.js';
import { testConfig, testSchedulerOptions } from './test-config.js';
import { TestClock, waitFor } from './test-clock.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export const publicBaseUrl = 'https://promptly.example.org';
export const invitationTemplate = `HX${'1'.repeat(32)}`;
export const reminderTemplate = `HX${'2'.repeat(32)}`;

export interface ChannelHarness {
  database: TestDatabase;
  fake: FakeTwilio;
  clock: TestClock;
  services: RunningService[];
  service: RunningService;
  adminToken: string;
  /**
   * Posts a form to the service as Twilio would, signed with the real algorithm unless told otherwise.
   * The sender (From) is registered as a worker first unless `stranger` is set or the number is a
   * service-user's (enrolServiceUser), since the bot only talks to staff and enrolled service-users.
   */
  post(path: string, params: Record<string, string>, options?: { signature?: string | null; service?: RunningService; stranger?: boolean }): Promise<Response>;
  /** Stops the first process (draining jobs) and starts it again on the same database and clock. */
  restart(options?: { beforeStart?: () => Promise<void> | void }): Promise<void>;
  /** Makes a number a worker's (idempotent). */
  registerStaff(phone: string, role?: StaffMember['role'], name?: string): Promise<StaffMember>;
  /**
   * Enrols a number as a service-user on a default ONS4 programme (made on first use), as the API
   * does: by a worker (default one of its own), on SMS or WhatsApp. `consentInPerson` starts the
   * baseline at once instead of asking for consent. Every text the enrolment sends has been sent,
   * or is due later, when this resolves. Later posts from the number come from the service-user.
   */
  enrolServiceUser(phone: string, options?: { channel?: 'sms' | 'whatsapp'; worker?: string; consentInPerson?: boolean }): Promise<{ reference: string; enrolmentId: string; workerId: string }>;
  /**
   * Resolves once nothing is left in flight: no inbound message waits for its turn, no number's turn
   * is running, and no text is being sent. The positive signal that a test may then assert that
   * nothing more was sent. (A text left pending for later, quiet hours or a retry, waits for the
   * outbox sweep, which these tests run themselves.)
   */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** One or more promptly processes on one database, sending through the real twilio SDK to a fake Twilio. */
export async function startChannelHarness(processes = 1, options: { scheduler?: Partial<typeof testSchedulerOptions>; inboxRetryDelaysMs?: number[]; /** More environment, e.g. MAX_REPLIES_PER_HOUR. */ env?: Record<string, string> } = {}): Promise<ChannelHarness> {
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
    TWILIO_WHATSAPP_TEMPLATE_REMINDER: reminderTemplate,
    ...options.env,
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
  const serviceUsers = new Set<string>();
  let programmeReady: Promise<void> | undefined;
  const defaultProgramme = () => (programmeReady ??= (async () => {
    const { programmes, measures, audit, clock: serviceClock } = (services[0] as RunningService).messaging.cases;
    const added = await addProgramme({ programmes, measures, audit, clock: serviceClock }, { name: 'Check-in', measureId: 'ons4', followUps: ['6w'], isDefault: true }, 'test');
    if (!added.ok) throw new Error(`programme not added: ${JSON.stringify(added)}`);
  })());
  const settled = async (timeoutMs = 10_000) => {
    const { db } = database;
    await waitFor(async () => {
      const [waiting, locks, outbox] = await Promise.all([
        db.collection('messages').countDocuments({ direction: 'in', status: 'received' }),
        db.collection('turnLocks').countDocuments(),
        db.collection('messages').countDocuments({ direction: 'out', status: 'sending' }),
      ]);
      return waiting === 0 && locks === 0 && outbox === 0;
    }, timeoutMs, 'no turn running and nothing waiting to be sent');
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
    settled,
    async enrolServiceUser(phone, options = {}) {
      await defaultProgramme();
      const worker = await registerStaff(options.worker ?? '+447700900999');
      serviceUsers.add(phone);
      const response = await fetch(`http://127.0.0.1:${(services[0] as RunningService).port}/api/enrolments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${config.adminApiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ phone, channel: options.channel ?? 'sms', workerId: worker.id, consentInPerson: options.consentInPerson ?? false }),
      });
      const body = (await response.json()) as { reference: string; enrolmentId: string; workerId: string };
      if (response.status !== 201) throw new Error(`enrolment answered ${response.status}: ${JSON.stringify(body)}`);
      await settled();
      return body;
    },
    async post(path, params, options = {}) {
      const from = params.From?.replace(/^whatsapp:/, '');
      if (from && !options.stranger && !serviceUsers.has(from)) await registerStaff(from);
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
