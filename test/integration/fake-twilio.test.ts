import twilio from 'twilio';
import { signTwilioRequest, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';

let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: 'AC00000000000000000000000000000001', authToken: 'secret' });
});
afterEach(() => fake.clear());
afterAll(() => fake.close());

const auth = () => `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`;
const messagesUrl = () => `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Messages.json`;

function create(to: string, body: string) {
  return fetch(messagesUrl(), {
    method: 'POST',
    headers: { authorization: auth(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ To: to, From: '+447700900001', Body: body }),
  });
}

describe('startFakeTwilio', () => {
  it('when a message is created, then it answers 201 with Twilio-shaped JSON and records it', async () => {
    const response = await create('+447700900123', 'hello');
    const json = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(201);
    expect(json).toMatchObject({ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued', to: '+447700900123', account_sid: fake.accountSid });
    expect(json.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(fake.sent).toEqual([expect.objectContaining({ sid: json.sid, body: 'hello' })]);
  });

  it('when a required parameter is missing, then it answers 400 with the Twilio error code and counts the request', async () => {
    const response = await create('', 'hello');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 21604, status: 400 });
    expect(fake.requests).toBe(1);
    expect(fake.sent).toHaveLength(0);
  });

  it('when failNext is used, then only that many requests fail', async () => {
    fake.failNext(2, { status: 500 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await create('+447700900123', 'x')).status);
    expect(statuses).toEqual([500, 500, 201]);
    expect(fake.requests).toBe(3);
  });

  it('when messages are listed, then they come newest first with a next page link while more remain', async () => {
    for (let i = 0; i < 3; i++) await create('+447700900123', `m${i}`);
    await create('+447700900999', 'other');
    const first = await list('?To=%2B447700900123&PageSize=2');
    expect(first.messages.map((message) => message.body)).toEqual(['m2', 'm1']);
    const second = await list(new URL(first.next_page_uri ?? '', fake.url).search);
    expect(second.messages.map((message) => message.body)).toEqual(['m0']);
    expect(second.next_page_uri).toBeNull();
  });

  it('when the credentials are wrong, then it answers 401 like Twilio', async () => {
    const response = await fetch(messagesUrl(), { headers: { authorization: 'Basic bm9wZTpub3Bl' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
  });
});

describe('signTwilioRequest', () => {
  it('when a webhook is signed, then the twilio SDK validates it and rejects altered params', () => {
    const url = 'https://promptly.example/webhooks/twilio/inbound';
    const params = { From: '+447700900123', Body: 'STOP', MessageSid: 'SM123' };
    const signature = signTwilioRequest('secret', url, params);
    expect(twilio.validateRequest('secret', signature, url, params)).toBe(true);
    expect(twilio.validateRequest('secret', signature, url, { ...params, Body: 'START' })).toBe(false);
  });
});

async function list(search: string) {
  const response = await fetch(`${messagesUrl()}${search}`, { headers: { authorization: auth() } });
  return (await response.json()) as { messages: Array<{ body: string }>; next_page_uri: string | null };
}
