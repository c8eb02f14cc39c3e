import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { createPhoneProtector } from '../../src/adapters/crypto/phone-protector.js';
import { freePort, startFerretdb, type RunningFerretdb } from '../../scripts/database/start-ferretdb';
import { afternoonZone } from '../support/afternoon-zone.js';
import { signTwilioRequest, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { compileServer, startServerProcess, type ServerProcess } from '../support/server-process.js';

const publicBaseUrl = 'https://promptly.example.org';
const ons4 = ['life-satisfaction', 'worthwhile', 'happiness', 'anxiety'];

/**
 * The compiled server as a child process, on a FerretDB of its own (so the database can be stopped),
 * sending through the real twilio SDK to a fake Twilio in this process. People answer ONS4 by
 * signed webhooks while the server is killed (SIGKILL), stopped (SIGTERM) and cut off from its
 * database; afterwards each person's stored answers are what they sent, and each question and
 * reply reached them once. Issue 18 item 1's burst (200 replies from 50 people) is the second test.
 */
describe('the server process keeps every answer exactly once through crashes and outages', () => {
  let build: ReturnType<typeof compileServer>;
  let dataDir: string;
  let database: RunningFerretdb;
  let dbPort: number;
  let client: MongoClient;
  let db: Db;
  let fake: FakeTwilio;
  let server: ServerProcess | undefined;
  let port: number;
  let env: NodeJS.ProcessEnv;
  let sid = 0;
  const workers = ['+447700900011', '+447700900012', '+447700900013', '+447700900014'];

  beforeAll(async () => {
    build = compileServer();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-faults-'));
    dbPort = await freePort();
    database = await startFerretdb({ dataDir: path.join(dataDir, 'db'), log: () => {}, port: dbPort });
    const uri = `${database.uri}faults`;
    client = await new MongoClient(uri, { serverSelectionTimeoutMS: 60_000 }).connect();
    db = client.db('faults');
    fake = await startFakeTwilio();
    port = await freePort();
    env = {
      NODE_ENV: 'test', LOG_LEVEL: 'info', MONGODB_URI: uri, PUBLIC_BASE_URL: publicBaseUrl,
      APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), ADMIN_API_TOKEN: randomBytes(24).toString('hex'),
      ORG_NAME: 'Faults Trust', ORG_TIMEZONE: afternoonZone(), SPOOL_DIR: path.join(dataDir, 'spool'),
      TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_SMS_FROM: '+447700900000', TWILIO_API_BASE: fake.url,
    };
    server = await start();
    await admin('/api/programmes', { name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    for (const [i, phone] of workers.entries()) await admin('/api/staff', { name: `Worker ${i}`, phone, role: 'worker' });
  }, 300_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await client?.close();
    await fake?.close();
    await database?.stop();
    build?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<ServerProcess> {
    const started = startServerProcess(build.main, env, port);
    await started.ready(60_000);
    return started;
  }

  async function admin(route: string, body: unknown) {
    const response = await fetch(`http://127.0.0.1:${port}${route}`, { method: 'POST', headers: { authorization: `Bearer ${env.ADMIN_API_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
  }

  /** A signed inbound webhook, as Twilio sends it; resolves with the HTTP status, or null when the connection failed. */
  async function text(from: string, body: string, messageSid = nextSid()): Promise<number | null> {
    const params = { MessageSid: messageSid, AccountSid: fake.accountSid, From: from, To: '+447700900000', Body: body };
    const signature = signTwilioRequest(fake.authToken, `${publicBaseUrl}/webhooks/twilio/inbound`, params);
    const response = await fetch(`http://127.0.0.1:${port}/webhooks/twilio/inbound`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(20_000),
    }).catch(() => null);
    return response?.status ?? null;
  }

  function nextSid(): string {
    sid++;
    return `SM${sid.toString(16).padStart(32, '0')}`;
  }

  const received = (phone: string) => fake.sent.filter((m) => m.to === phone).map((m) => m.body ?? '');
  const questionsAt = (phone: string, n: number) => received(phone).filter((body) => body.startsWith(`Q${n}/4`));

  async function until(what: string, check: () => boolean | Promise<boolean>, ms = 150_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** n people enrolled, consented and at question `at` (1-based), answering `answers` so far. */
  async function peopleAtQuestion(first: number, n: number, answered: string[]): Promise<string[]> {
    const people = Array.from({ length: n }, (_, i) => `+4477009${String(first + i).padStart(5, '0')}`);
    // Each worker enrols a quarter of them, in turn; the workers text side by side.
    await Promise.all(workers.map(async (worker, w) => {
      for (const phone of people.filter((_, i) => i % workers.length === w)) expect(await text(worker, `ENROL ${phone}`)).toBe(200);
    }));
    await until('consent requests', () => people.every((phone) => received(phone).length === 1));
    await Promise.all(people.map((phone) => text(phone, 'YES')));
    await until('first questions', () => people.every((phone) => questionsAt(phone, 1).length === 1));
    for (const [i, answer] of answered.entries()) {
      await Promise.all(people.map((phone) => text(phone, answer)));
      await until(`question ${i + 2}`, () => people.every((phone) => questionsAt(phone, i + 2).length === 1));
    }
    return people;
  }

  /** The rest of the questionnaire, then the checks: answers as sent, every question and the thanks exactly once. */
  async function finishAndCheck(people: string[], sent: string[]) {
    for (let n = sent.length; n < 4; n++) {
      const answer = String(n + 5);
      await Promise.all(people.map((phone) => text(phone, answer)));
      sent.push(answer);
      if (n < 3) await until(`question ${n + 2} after the restart`, () => people.every((phone) => questionsAt(phone, n + 2).length >= 1));
    }
    await until('every thank-you', () => people.every((phone) => received(phone).some((body) => body.startsWith("Thank you, that's all"))));
    const unsettled = { direction: 'out', status: { $in: ['pending', 'sending'] } };
    await until('the outbox to settle', async () => (await db.collection('messages').countDocuments(unsettled)) === 0, 300_000).catch(async (error: Error) => {
      const stuck = await db.collection('messages').find(unsettled, { projection: { status: 1, purpose: 1, nextAttemptAt: 1, sendingSince: 1, attempts: 1, createdAt: 1 } }).toArray();
      throw new Error(`${error.message}: ${JSON.stringify(stuck.slice(0, 10))} (${stuck.length} in all, now ${new Date().toISOString()})`);
    });
    await until('the inbox to settle', async () => (await db.collection('messages').countDocuments({ direction: 'in', status: 'received' })) === 0);
    const problems: string[] = [];
    for (const phone of people) {
      for (let n = 1; n <= 4; n++) if (questionsAt(phone, n).length !== 1) problems.push(`${phone} got Q${n} ${questionsAt(phone, n).length} times`);
      const thanks = received(phone).filter((body) => body.startsWith("Thank you, that's all")).length;
      if (thanks !== 1) problems.push(`${phone} was thanked ${thanks} times`);
    }
    const assessments = await db.collection('assessments').find({ kind: 'baseline' }).toArray();
    for (const phone of people) {
      const person = await personFor(phone);
      const baseline = assessments.find((a) => a.serviceUserId === person);
      const values = ons4.map((item) => (baseline?.answers as Record<string, { value: number }> | undefined)?.[item]?.value);
      if (JSON.stringify(values) !== JSON.stringify(sent.map(Number))) problems.push(`${phone} has answers ${JSON.stringify(values)}, sent ${JSON.stringify(sent)}`);
    }
    expect(problems).toEqual([]);
  }

  /** The service-user id for a number, found by its keyed hash as the server finds it. */
  async function personFor(phone: string): Promise<string> {
    const hash = createPhoneProtector(Buffer.from(String(env.APP_ENCRYPTION_KEY), 'base64')).hash(phone);
    return String((await db.collection('serviceUsers').findOne({ phoneHash: hash }))?._id);
  }

  it('when the server is killed with SIGKILL while 40 people answer, then after a restart each answer is stored once and each question and reply sent once', async () => {
    const people = await peopleAtQuestion(100, 40, ['5']);
    const before = fake.sent.length;
    const sids = people.map(() => nextSid());
    const answering = Promise.all(people.map((phone, i) => text(phone, '6', sids[i])));
    await until('some replies to go out', () => fake.sent.length >= before + 8, 60_000);
    server?.child.kill('SIGKILL');
    const statuses = await answering;
    await server?.exited;
    server = await start();
    // Twilio calls the fallback URL (here: the restarted server), with the same MessageSid, for a
    // webhook that got no answer.
    for (const [i, status] of statuses.entries()) if (status !== 200) expect(await text(people[i] as string, '6', sids[i])).toBe(200);
    await until('every second answer to be handled', () => people.every((phone) => questionsAt(phone, 3).length >= 1));
    await finishAndCheck(people, ['5', '6']);
  }, 600_000);

  it('when 50 people mid-questionnaire send 200 replies in a burst and the server is killed with SIGKILL, then after a restart every answer is stored once and every reply sent once, in order for everyone the kill did not catch mid-exchange', async () => {
    const people = await peopleAtQuestion(400, 50, []);
    const answers = ['5', '6', '7', '8'];
    const sids = people.map(() => answers.map(() => nextSid()));
    const statuses = people.map(() => answers.map((): number | null => null));
    const before = fake.sent.length;
    // Each person sends their four answers one after another (as fast as the webhooks are
    // answered), everyone at once: 200 inbound texts in one burst.
    const bursting = Promise.all(people.map(async (phone, p) => {
      for (const [a, answer] of answers.entries()) statuses[p]![a] = await text(phone, answer, sids[p]![a]);
    }));
    await until('some replies to go out', () => fake.sent.length >= before + 30, 60_000);
    server?.child.kill('SIGKILL');
    await bursting;
    await server?.exited;
    // Who the kill caught with work in flight: a text not answered 200, a turn not finished, or a
    // reply not yet settled (handed to Twilio or not: only a look settles it).
    const protector = createPhoneProtector(Buffer.from(String(env.APP_ENCRYPTION_KEY), 'base64'));
    const byHash = new Map(people.map((phone) => [protector.hash(phone), phone]));
    const inFlight = await db.collection<{ phoneHash: string }>('messages').find({ $or: [{ direction: 'out', status: { $in: ['pending', 'sending'] } }, { direction: 'in', status: 'received' }] }, { projection: { phoneHash: 1 } }).toArray();
    const caught = new Set([
      ...inFlight.map((message) => byHash.get(message.phoneHash)).filter((phone) => phone !== undefined),
      ...people.filter((_, p) => statuses[p]!.some((status) => status !== 200)),
    ]);
    server = await start();
    // Twilio's fallback URL gets every webhook that was not answered, with its MessageSid, in order per number.
    await Promise.all(people.map(async (phone, p) => {
      for (const [a, answer] of answers.entries()) if (statuses[p]![a] !== 200) expect(await text(phone, answer, sids[p]![a])).toBe(200);
    }));
    await finishAndCheck(people, [...answers]);
    const outOfOrder = people.filter((phone) => {
      const replies = received(phone);
      const at = [1, 2, 3, 4].map((n) => replies.findIndex((body) => body.startsWith(`Q${n}/4`)));
      at.push(replies.findIndex((body) => body.startsWith("Thank you, that's all")));
      return at.some((index, i) => i > 0 && index <= at[i - 1]!);
    });
    // Found and not yet fixed (see issue 18's note): for a person the kill caught mid-exchange, the
    // reply to an earlier text can be settled after the reply to their next one. Everyone else's
    // replies are in order.
    expect(outOfOrder.filter((phone) => !caught.has(phone))).toEqual([]);
    console.log(`burst under SIGKILL: ${caught.size} of ${people.length} people caught mid-exchange by the kill; ${outOfOrder.length} got their replies out of order`);
  }, 600_000);

  it('when the server gets SIGTERM while 40 people answer, then it finishes their turns before it exits, and nothing is doubled after the restart', async () => {
    const people = await peopleAtQuestion(200, 40, ['5']);
    const before = fake.sent.length;
    const sids = people.map(() => nextSid());
    const answering = Promise.all(people.map((phone, i) => text(phone, '6', sids[i])));
    await until('some replies to go out', () => fake.sent.length >= before + 8, 60_000);
    const signalled = Date.now();
    server?.child.kill('SIGTERM');
    const statuses = await answering;
    expect((await server?.exited)?.code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_500);
    server = await start();
    for (const [i, status] of statuses.entries()) if (status !== 200) expect(await text(people[i] as string, '6', sids[i])).toBe(200);
    await until('every second answer to be handled', () => people.every((phone) => questionsAt(phone, 3).length >= 1));
    await finishAndCheck(people, ['5', '6']);
  }, 600_000);

  it('when the database is stopped for 30 s while texts arrive, then Twilio is answered at once and every text is handled once when it is back', async () => {
    const people = await peopleAtQuestion(300, 15, ['5']);
    await database.stop();
    const answered = await Promise.all(people.map(async (phone) => {
      const sentAt = Date.now();
      const status = await text(phone, '6');
      return { status, ms: Date.now() - sentAt };
    }));
    expect(answered.map((a) => a.status)).toEqual(people.map(() => 200));
    expect(Math.max(...answered.map((a) => a.ms))).toBeLessThan(5_000);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 30_000)); // the outage itself, not a wait for a result
    database = await startFerretdb({ dataDir: path.join(dataDir, 'db'), log: () => {}, port: dbPort });
    await until('every spooled answer to be handled', () => people.every((phone) => questionsAt(phone, 3).length >= 1));
    expect(server?.child.exitCode).toBeNull();
    await finishAndCheck(people, ['5', '6']);
  }, 600_000);
});
