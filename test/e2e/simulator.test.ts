import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ScaledClock } from '../../src/adapters/clock/scaled-clock.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { seedDemoOrganisation } from '../../scripts/demo/seed-demo-organisation.js';
import { testConfig, testSchedulerOptions } from '../support/test-config.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const resultsDir = path.resolve(__dirname, '..', '..', 'test-results');

// Locally without Chromium the test is skipped and says why; CI installs it, so there it always runs.
const skipped = !existsSync(chromiumPath) && !process.env.CI;
if (skipped) console.warn(`Skipping the simulator's browser test: ${chromiumPath} is not installed (apt-get install chromium). CI installs it and always runs this test.`);
const inBrowser = skipped ? describe.skip : describe;
const title = skipped ? `the phone simulator in a real browser (SKIPPED: ${chromiumPath} is not installed)` : 'the phone simulator in a real browser';

inBrowser(title, () => {
  let database: TestDatabase;
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  const phone = (name: RegExp) => page.getByRole('region', { name });
  const botText = (thread: Locator, text: string | RegExp) => thread.locator('.msg.out', { hasText: text }).last();

  /** Types on a phone with the keyboard and sends with Enter, as a person would. */
  const typeOn = async (thread: Locator, text: string) => {
    await thread.getByRole('textbox').focus();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    // Real speed from a Tuesday late morning in London (inside the send window): only "skip ahead" moves time on.
    const clock = new ScaledClock(1, { virtual: new Date('2026-12-01T11:00:00Z'), real: new Date() });
    // Agenda polls often: every skip ahead steps through each scheduled event and waits for it to run.
    const scheduler = { ...testSchedulerOptions, processEveryMs: 100 };
    service = await startService(testConfig({ MONGODB_URI: database.uri }), createLogger('silent'), { scheduler, clock, sweepEveryMs: null, simulator: true });
    await seedDemoOrganisation(database.db, { ...service.messaging.cases, clock });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${service.port}/simulator`);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop(5000);
    await database?.close();
  });

  it('when the page opens, then it says it is a simulation and shows the two workers and the manager', async () => {
    await page.getByText('This is a simulation.').waitFor();
    for (const name of [/Alex Morgan/, /Sam Patel/, /Jo Okafor/]) await phone(name).waitFor();
    expect(await page.locator('#clock-now').textContent()).toMatch(/Tue, 1 Dec 2026, 11:0\d/);
  });

  it('when a worker texts ENROL, then the service-user phone appears with the consent request, counted in SMS', async () => {
    await typeOn(phone(/Alex Morgan/), 'ENROL 07700 900123');
    await botText(phone(/Alex Morgan/), 'Enrolled SU-0001').waitFor({ timeout: 10_000 });
    const consent = botText(phone(/SU-0001/), 'Please reply YES or NO');
    await consent.waitFor({ timeout: 10_000 });
    expect(await consent.locator('.meta').textContent()).toMatch(/· 3 SMS$/);
  });

  it('when the service-user says YES and answers the four ONS4 questions, then they are thanked', async () => {
    const su = phone(/SU-0001/);
    await typeOn(su, 'YES');
    for (const [question, answer] of [['Q1/4', '7'], ['Q2/4', '8'], ['Q3/4', '6'], ['Q4/4', '3']] as const) {
      await botText(su, question).waitFor({ timeout: 10_000 });
      await typeOn(su, answer);
    }
    await botText(su, "Thank you, that's all the questions for now.").waitFor({ timeout: 10_000 });
  });

  it('when the visitor skips to the next event, then the demo clock jumps to it and the banner names the one after', async () => {
    await page.locator('#next-event').filter({ hasText: "Next scheduled: the workers' daily digest" }).waitFor();
    expect(await page.locator('#next-event').textContent()).toMatch(/Wed, 2 Dec 2026, 09:30\.$/);
    await page.getByRole('button', { name: 'Skip to next event' }).click();
    await page.getByRole('status').filter({ hasText: 'Skipped ahead' }).waitFor();
    expect(await page.locator('#clock-now').textContent()).toMatch(/Wed, 2 Dec 2026, 09:3\d/);
    expect(await page.locator('#next-event').textContent()).toMatch(/Thu, 3 Dec 2026, 09:30\.$/);
  });

  it('when the visitor skips ahead a week at a time, then the 6-week follow-up invitation arrives on that phone', async () => {
    const su = phone(/SU-0001/);
    const invitation = botText(su, 'time for your 6-week check-in');
    for (let week = 1; week <= 8 && !(await invitation.isVisible()); week++) {
      await page.getByRole('button', { name: '+1 week' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Skipped ahead' }).waitFor();
      // A skip answers once the jobs on the way have run; their texts arrive as events just after.
      await invitation.waitFor({ timeout: 300 }).catch(() => {});
    }
    await invitation.waitFor({ timeout: 5000 });
    await botText(su, 'Q1/4').waitFor();
    expect(await page.locator('#clock-now').textContent()).toMatch(/Jan 2027/);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'simulator.png') });
  }, 50_000);

  it('then the database holds the completed baseline with four answers and the open follow-up', async () => {
    const assessments = database.db.collection('assessments');
    const baseline = await assessments.findOne({ timepointId: 'baseline' });
    expect(baseline).toMatchObject({ status: 'completed', measureId: 'ons4' });
    expect(Object.keys(baseline?.answers ?? {})).toHaveLength(4);
    expect(await assessments.findOne({ timepointId: '6w' })).toMatchObject({ status: 'open' });
    const typed = await database.db.collection('messages').countDocuments({ direction: 'in', channel: 'simulator' });
    expect(typed).toBe(6);
  });

  it('when the screen is phone-sized, then the phones sit in a row of their own and the page does not scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // A string, because the test is compiled without the DOM's types.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: path.join(resultsDir, 'simulator-390.png') });
  });
});
