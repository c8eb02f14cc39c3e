import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '../support/fake-twilio.js';
import { startServiceRig, rigPublicBaseUrl, type ServiceRig } from '../support/service-rig.js';
import { waitFor } from '../support/test-clock.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const token = randomBytes(24).toString('hex');

/** The value of one sample (`name{labels} value`) in a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('GET /metrics (issue 18 item 7)', () => {
  let database: TestDatabase;
  let rig: ServiceRig;
  const url = () => `http://127.0.0.1:${rig.service.port}/metrics`;
  const scrape = async () => {
    const response = await fetch(url(), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    rig = await startServiceRig(database.uri, { env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await rig?.close();
    await database?.close();
  });

  it('when a worker texts and gets a reply, then the turn, its latency and the send are counted, and the outbox levels are shown', async () => {
    const before = await scrape();
    expect(sample(before, 'promptly_turns_total', 'outcome="handled"')).toBeUndefined();
    expect(sample(before, 'promptly_outbox_depth')).toBe(0);
    expect(sample(before, 'promptly_due_backlog')).toBe(0);
    await rig.api('POST', '/api/staff', { name: 'Metrics Worker', phone: '+447700900401', role: 'worker' });

    await rig.text('+447700900401', 'HELP');
    await rig.waitForTexts('+447700900401', 1);

    const after = await waitFor(async () => {
      const text = await scrape();
      return sample(text, 'promptly_turns_total', 'outcome="handled"') === 1 ? text : undefined;
    }, 10_000, 'the turn counted');
    expect(sample(after, 'promptly_turn_duration_seconds_count', 'outcome="handled"')).toBe(1);
    expect(sample(after, 'promptly_sends_total', 'channel="sms",outcome="sent"')).toBe(1);
    expect(sample(after, 'promptly_outbox_oldest_unsent_seconds')).toBe(0);
    expect(after).toContain('# TYPE promptly_database_errors_total counter');
  });

  it('when a webhook comes with a bad signature or without one, then each rejection is counted by its reason', async () => {
    const params = { MessageSid: `SM${'a'.repeat(32)}`, AccountSid: rig.fake.accountSid, From: '+447700900402', To: '+447700900000', Body: 'hi' };
    const post = (signature?: string) => fetch(`http://127.0.0.1:${rig.service.port}/webhooks/twilio/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams(params).toString(),
    });
    expect((await post(signTwilioRequest('wrong-token-entirely', `${rigPublicBaseUrl}/webhooks/twilio/inbound`, params))).status).toBe(403);
    expect((await post()).status).toBe(400);

    const text = await scrape();
    expect(sample(text, 'promptly_webhook_rejections_total', 'reason="bad-signature"')).toBe(1);
    expect(sample(text, 'promptly_webhook_rejections_total', 'reason="missing-signature"')).toBe(1);
  });

  it('when a database command fails, then it is counted as a database error', async () => {
    const before = sample(await scrape(), 'promptly_database_errors_total', 'kind="command"') ?? 0;
    await expect(rig.service.mongo.db.command({ noSuchCommand: 1 })).rejects.toThrow();
    expect(sample(await scrape(), 'promptly_database_errors_total', 'kind="command"')).toBe(before + 1);
  });

  it('when the token is wrong or missing, then /metrics answers 401 and shows nothing', async () => {
    for (const headers of [{ authorization: `Bearer ${token.slice(0, -1)}x` }, { authorization: 'Bearer short' }, {} as Record<string, string>]) {
      const response = await fetch(url(), { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('promptly_');
    }
  });

  it('when METRICS_TOKEN is not set, then /metrics is not served (404)', async () => {
    const plain = await startServiceRig(database.uri);
    try {
      const response = await fetch(`http://127.0.0.1:${plain.service.port}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
