import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ScaledClock } from '../../src/adapters/clock/scaled-clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startService } from '../../src/main.js';
import { startDatabase } from '../database/start-database.js';
import { seedDemoOrganisation } from './seed-demo-organisation.js';

/**
 * Regenerates the README's picture of the simulator (scripts/demo/simulator.png) mid-conversation:
 * `npx tsx scripts/demo/take-screenshot.ts`. A throwaway database and the demo's clock started
 * on a Tuesday morning, so the picture is much the same every time; needs Chromium at /usr/bin/chromium.
 */
async function takeScreenshot(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-screenshot-'));
  const database = await startDatabase({ dataDir });
  const config = loadConfig({
    NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: '0', ORG_NAME: 'Riverside Community Trust',
    APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), ADMIN_API_TOKEN: randomBytes(24).toString('hex'),
    MONGODB_URI: `${database.uri.replace(/\/$/, '')}/promptly-screenshot-${randomBytes(4).toString('hex')}`,
  });
  // The demo's speed, from 09:00 on a Tuesday: the few seconds this takes stay within the morning.
  const clock = new ScaledClock(5040, { virtual: new Date('2026-12-01T09:00:00Z'), real: new Date() });
  const service = await startService(config, createLogger(config.logLevel), { clock, simulator: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    await seedDemoOrganisation(service.mongo.db, { ...service.messaging.cases, clock });
    const page = await browser.newPage({ viewport: { width: 1320, height: 820 } });
    await page.goto(`http://127.0.0.1:${service.port}/simulator`);
    const thread = (name: RegExp) => page.getByRole('region', { name });
    const text = async (name: RegExp, body: string, reply: string) => {
      await thread(name).getByRole('textbox').fill(body);
      await thread(name).getByRole('textbox').press('Enter');
      await thread(name).locator('.msg.out', { hasText: reply }).last().waitFor({ timeout: 10_000 });
    };
    await text(/Alex Morgan/, 'ENROL 07700 900123 Robin', 'Enrolled SU-0001');
    await text(/SU-0001/, 'Yes', 'Q1/4');
    await text(/SU-0001/, '7', 'Q2/4');
    await text(/SU-0001/, 'eight', 'Q3/4');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(__dirname, 'simulator.png') });
    console.log(`saved ${path.join(__dirname, 'simulator.png')}`);
  } finally {
    await browser.close();
    await service.stop(5000);
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

takeScreenshot().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
