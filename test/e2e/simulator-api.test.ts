import { addStaff } from '../../src/app/admin/add-staff.js';
import { simulatorAllowed } from '../../src/http/simulator-allowed.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { testConfig, testSchedulerOptions } from '../support/test-config.js';
import { waitFor } from '../support/test-clock.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('the simulator API', () => {
  let database: TestDatabase;
  let service: RunningService;
  const url = (path: string) => `http://127.0.0.1:${service.port}/simulator${path}`;
  const post = (path: string, body: unknown) =>
    fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    database = await openTestDatabase();
    // No clock option and TIME_SCALE 1: the system clock, which cannot be skipped.
    service = await startService(testConfig({ MONGODB_URI: database.uri }), createLogger('silent'), { scheduler: testSchedulerOptions, sweepEveryMs: null, simulator: true });
    const { staff, phones, audit, clock } = service.messaging.cases;
    await addStaff({ staff, phones, audit, clock }, { name: 'Bea Worker', phone: '07700 900201', role: 'worker' }, 'test');
  });
  afterAll(async () => {
    await service.stop(5000);
    await database.close();
  });

  it('when a request is malformed, then it answers 400 naming every problem, and records nothing', async () => {
    const cases: Array<[string, unknown, RegExp[]]> = [
      ['/api/messages', { from: '0770', body: '' }, [/^from: 0770 is too short$/, /^body: is empty$/]],
      ['/api/messages', { from: '07700 900201', body: 'x'.repeat(1601) }, [/^body: must be 1600 characters or fewer/]],
      ['/api/messages', { from: '07700 900201', body: '   ' }, [/^body: is empty$/]],
      ['/api/messages', { from: '07700 900201', body: 'hi', to: 'someone' }, [/^to: unknown field/]],
      ['/api/phones', { phone: 'not a number' }, [/^phone: /]],
      ['/api/skip', { to: 'month' }, [/^to: must be "next", "day" or "week"$/]],
    ];
    for (const [path, body, problems] of cases) {
      const response = await post(path, body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { problems: string[] };
      expect(answer.problems).toEqual(problems.map((problem) => expect.stringMatching(problem)));
    }
    expect((await post('/api/messages', '{"from": ')).status).toBe(400);
    expect(await database.db.collection('messages').countDocuments({ direction: 'in' })).toBe(0);
  });

  it('when a phone types, then the text goes through the same inbound path and the reply streams as a server-sent event', async () => {
    const stream = await fetch(url('/api/events'));
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const response = await post('/api/messages', { from: '07700 900201', body: 'HELP' });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await waitFor(async () => {
      received += (await reader.read()).value ?? '';
      return /event: text\ndata: .*"direction":"out"/.test(received);
    }, 10_000, 'the reply as an event');
    await reader.cancel();
    const events = received.split('\n\n').filter((block) => block.startsWith('event: text')).map((block) => JSON.parse(block.split('data: ')[1] ?? '{}'));
    expect(events[0]).toMatchObject({ message: { id, phone: '+447700900201', direction: 'in', body: 'HELP', segments: 1, encoding: 'GSM-7' }, phone: { label: 'Bea Worker', role: 'worker' } });
    expect(events[1]).toMatchObject({ message: { phone: '+447700900201', direction: 'out', body: expect.stringContaining('ENROL 07700 900123 - add someone') } });
    // The turn marks the text processed just after its reply has gone.
    const stored = await waitFor(async () => {
      const message = await database.db.collection('messages').findOne({ _id: id as never });
      return message?.status === 'processed' && message;
    }, 5000, 'turn finished');
    expect(stored).toMatchObject({ direction: 'in', channel: 'simulator' });
  });

  it('when a number nobody knows texts, then it gets the generic reply and nothing about it is recorded', async () => {
    const events: string[] = [];
    const listener = (text: { message: { phone: string; body: string } }) => void events.push(text.message.body);
    service.simulator?.events.on('text', listener);
    expect((await post('/api/messages', { from: '07700 900299', body: 'hello?' })).status).toBe(202);
    await waitFor(() => events.length >= 2, 5000, 'the stranger reply');
    service.simulator?.events.off('text', listener);
    expect(events).toEqual(['hello?', expect.stringContaining("automated wellbeing text service")]);
    expect(await (await post('/api/phones', { phone: '+44 7700 900299' })).json()).toEqual({ phone: '+447700900299', label: 'Unknown number', role: 'unknown' });
    expect(await database.db.collection('messages').countDocuments({ direction: 'in' })).toBe(1);
  });

  it('when the page reloads, then the state has the staff phones and the texts so far, from the database', async () => {
    const state = (await (await fetch(url('/api/state'))).json()) as { phones: unknown[]; messages: Array<{ direction: string }> };
    expect(state.phones).toEqual([{ phone: '+447700900201', label: 'Bea Worker', role: 'worker' }]);
    expect(state.messages.map((m) => m.direction)).toEqual(['in', 'out']);
  });

  it('when the server runs on real time, then skipping ahead is refused with 409 and a reason', async () => {
    const response = await post('/api/skip', { to: 'week' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: expect.stringContaining('cannot skip ahead') });
  });

  it('when a phone in the simulator texts OPTOUT, then the number is suppressed and only the confirmation comes back', async () => {
    const { staff, phones, audit, clock, contacts } = service.messaging.cases;
    await addStaff({ staff, phones, audit, clock }, { name: 'Cy Worker', phone: '07700 900203', role: 'worker' }, 'test');
    const events: Array<{ direction: string; body: string }> = [];
    const listener = (text: { message: { phone: string; direction: string; body: string } }) => void (text.message.phone === '+447700900203' && events.push(text.message));
    service.simulator?.events.on('text', listener);
    const response = await post('/api/messages', { from: '07700 900203', body: 'OPTOUT' });
    const { id } = (await response.json()) as { id: string };
    await waitFor(async () => (await database.db.collection('messages').findOne({ _id: id as never }))?.status === 'processed', 5000, 'turn finished');
    await service.messaging.sweepOutbox();
    service.simulator?.events.off('text', listener);
    expect(await contacts.isSuppressed(phones.hash('+447700900203'))).toBe(true);
    expect(events.map((e) => `${e.direction}: ${e.body}`)).toEqual(['in: OPTOUT', "out: You won't get any more messages from Test Community Trust. Reply START if you change your mind."]);
  });

  it('when the simulator is on, then the server listens on this machine (127.0.0.1) only', () => {
    expect(service.address).toBe('127.0.0.1');
  });

  it('when Twilio is configured or NODE_ENV is production, then the simulator is not mounted', () => {
    const twilio = { accountSid: 'AC', authToken: 'x', smsFrom: undefined, messagingServiceSid: undefined, whatsappFrom: undefined, apiBase: undefined };
    expect(simulatorAllowed({ twilio: null, nodeEnv: 'development' })).toBe(true);
    expect(simulatorAllowed({ twilio: null, nodeEnv: 'test' })).toBe(true);
    expect(simulatorAllowed({ twilio: null, nodeEnv: 'production' })).toBe(false);
    expect(simulatorAllowed({ twilio, nodeEnv: 'development' })).toBe(false);
  });
});

describe('a server without Twilio that was not asked for the simulator', () => {
  it('when the simulator page or its API is asked for, then it is not there, and the server listens on every interface', async () => {
    const database = await openTestDatabase();
    const service = await startService(testConfig({ MONGODB_URI: database.uri }), createLogger('silent'), { scheduler: testSchedulerOptions, sweepEveryMs: null });
    try {
      expect(service.simulator).toBeUndefined();
      expect((await fetch(`http://127.0.0.1:${service.port}/simulator`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${service.port}/simulator/api/state`)).status).toBe(404);
      const typed = await fetch(`http://127.0.0.1:${service.port}/simulator/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '07700 900201', body: 'HELP' }) });
      expect(typed.status).toBe(404);
      expect(['::', '0.0.0.0']).toContain(service.address);
    } finally {
      await service.stop(5000);
      await database.close();
    }
  });
});

describe('a server with Twilio configured', () => {
  it('when the simulator page is asked for, then it is not there', async () => {
    const database = await openTestDatabase();
    const config = testConfig({
      MONGODB_URI: database.uri, PUBLIC_BASE_URL: 'https://promptly.example.org', TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'test-auth-token', TWILIO_SMS_FROM: '+447700900000', TWILIO_API_BASE: 'http://127.0.0.1:9',
    });
    const service = await startService(config, createLogger('silent'), { scheduler: testSchedulerOptions, sweepEveryMs: null });
    try {
      expect(service.simulator).toBeUndefined();
      expect((await fetch(`http://127.0.0.1:${service.port}/simulator`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${service.port}/simulator/api/state`)).status).toBe(404);
    } finally {
      await service.stop(5000);
      await database.close();
    }
  });

  it('when the simulator is asked for beside Twilio, or in production, then the service refuses to start', async () => {
    const twilioConfig = testConfig({
      MONGODB_URI: 'mongodb://127.0.0.1:9/unused', PUBLIC_BASE_URL: 'https://promptly.example.org', TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'test-auth-token', TWILIO_SMS_FROM: '+447700900000',
    });
    await expect(startService(twilioConfig, createLogger('silent'), { simulator: true })).rejects.toThrow(/simulator is for the demo only/);
    const production = testConfig({ MONGODB_URI: 'mongodb://127.0.0.1:9/unused', NODE_ENV: 'production' });
    await expect(startService(production, createLogger('silent'), { simulator: true })).rejects.toThrow(/simulator is for the demo only/);
  });
});
