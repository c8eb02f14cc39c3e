import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startService } from '../../src/main.js';
import { signTwilioRequest, startFakeTwilio } from '../../test/support/fake-twilio.js';
import { startDatabase } from '../database/start-database.js';

/**
 * Inbound SMS through the whole service: `numbers` staff phones each send `messagesPerNumber` texts
 * as fast as the webhook takes them (all numbers at once, each number's texts in order), and we
 * time from the first webhook until every reply has reached the fake Twilio. Reports webhook
 * latency (p50/p95/max), end-to-end throughput, and the server process's memory.
 */
export async function benchChannel(options: { numbers: number; messagesPerNumber: number }): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
  const database = await startDatabase({ dataDir });
  const fake = await startFakeTwilio();
  const publicBaseUrl = 'https://bench.promptly.example';
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ORG_NAME: 'Bench Trust',
    MONGODB_URI: `${database.uri.replace(/\/$/, '')}/bench_${randomUUID().slice(0, 8)}`,
    APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ADMIN_API_TOKEN: 'bench-admin-token-0123456789abcdef',
    PUBLIC_BASE_URL: publicBaseUrl, TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_SMS_FROM: '+447700900000', TWILIO_API_BASE: fake.url,
  });
  const service = await startService(config, createLogger('silent'), { sweepEveryMs: null });
  try {
    const phones = Array.from({ length: options.numbers }, (_, i) => `+4477009002${String(i).padStart(2, '0')}`);
    const { staff, phones: protector } = service.messaging.cases;
    for (const [i, phone] of phones.entries()) {
      await staff.add({ id: randomUUID(), name: `Worker ${i}`, role: 'worker', team: 'main', phoneHash: protector.hash(phone), phoneEnc: protector.encrypt(phone), createdAt: new Date() });
    }
    const total = options.numbers * options.messagesPerNumber;
    const latencies: number[] = [];
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    await Promise.all(phones.map(async (phone, n) => {
      for (let m = 0; m < options.messagesPerNumber; m++) {
        const params = { MessageSid: `SM${n.toString(16).padStart(4, '0')}${m.toString(16).padStart(4, '0')}${'0'.repeat(24)}`, AccountSid: fake.accountSid, From: phone, To: '+447700900000', Body: 'STATUS' };
        const t = performance.now();
        const response = await fetch(`http://127.0.0.1:${service.port}/webhooks/twilio/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(fake.authToken, `${publicBaseUrl}/webhooks/twilio/inbound`, params) },
          body: new URLSearchParams(params).toString(),
        });
        latencies.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      }
    }));
    const accepted = performance.now();
    const deadline = Date.now() + 120_000;
    while (fake.sent.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const done = performance.now();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
    console.log(`channel: ${total} signed inbound SMS from ${options.numbers} numbers on ${database.kind}`);
    console.log(`  webhook latency: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (recorded and answered; the turn runs after)`);
    console.log(`  all webhooks answered in ${(accepted - started).toFixed(0)} ms; all ${fake.sent.length}/${total} replies at the fake Twilio after ${(done - started).toFixed(0)} ms`);
    console.log(`  end-to-end: ${((fake.sent.length / (done - started)) * 1000).toFixed(1)} turns/s (each turn: lock, read, staff lookup, outbox record, SDK send, status writes)`);
    console.log(`  process RSS: ${(rssBefore / 1e6).toFixed(0)} MB before, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB after`);
  } finally {
    await service.stop(5000);
    await fake.close();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
