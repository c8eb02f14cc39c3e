import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ScaledClock } from '../../src/adapters/clock/scaled-clock.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { demoStaff, seedDemoOrganisation } from '../../scripts/demo/seed-demo-organisation.js';
import { testConfig, testSchedulerOptions } from '../support/test-config.js';
import { waitFor } from '../support/test-clock.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const chromiumPath = '/usr/bin/chromium';
const resultsDir = path.resolve(__dirname, '..', '..', 'test-results');
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

// Locally without Chromium the test is skipped and says why; CI installs it, so there it always runs.
const skipped = !existsSync(chromiumPath) && !process.env.CI;
const inBrowser = skipped ? describe.skip : describe;
const title = skipped ? `the phone simulator's layout (SKIPPED: ${chromiumPath} is not installed)` : "the phone simulator's layout";

/** Page measurements, as strings because the tests are compiled without the DOM's types. */
const measure = {
  page: `({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,
    viewWidth: document.documentElement.clientWidth, viewHeight: window.innerHeight })`,
  phones: `(() => { const el = document.getElementById('phones');
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollLeft: el.scrollLeft, snap: getComputedStyle(el).scrollSnapType,
      widest: Math.max(...[...el.querySelectorAll('.phone')].map((phone) => phone.getBoundingClientRect().width)) }; })()`,
  header: `(() => { const rect = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left, height: r.height }; };
    return { banner: rect(document.querySelector('header')), heading: rect(document.querySelector('h1')) }; })()`,
  threads: `[...document.querySelectorAll('.thread')].map((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }))`,
  hidden: `[...document.querySelectorAll('#phones .visually-hidden')].map((el) => { const r = el.getBoundingClientRect(); const style = getComputedStyle(el);
    return { inThread: el.closest('.thread') !== null, width: r.width, height: r.height, position: style.position, clipPath: style.clipPath,
      clip: style.clip, containedBy: el.offsetParent ? el.offsetParent.className : null }; })`,
};

inBrowser(title, () => {
  let database: TestDatabase;
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  const api = (path: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${service.port}/simulator/api/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // Polled from here: the page's strict CSP forbids the eval that page.waitForFunction would use to poll a string.
  const until = (expression: string, what: string) => waitFor(async () => Boolean(await page.evaluate(expression)), 5000, what);
  const texts = async () => ((await (await api('state')).json()) as { messages: { phone: string; direction: string }[] }).messages;

  /** Types as a phone and waits for the bot's answers, so the threads are complete before the page opens. */
  const exchange = async (from: string, body: string, replies = 1) => {
    const before = (await texts()).filter((text) => text.direction === 'out').length;
    expect((await api('messages', { from, body })).status).toBe(202);
    await waitFor(async () => (await texts()).filter((text) => text.direction === 'out').length >= before + replies, 10_000, `the reply to ${body}`);
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    const clock = new ScaledClock(1, { virtual: new Date('2026-12-01T11:00:00Z'), real: new Date() });
    service = await startService(testConfig({ MONGODB_URI: database.uri }), createLogger('silent'), { scheduler: testSchedulerOptions, clock, sweepEveryMs: null, simulator: true });
    await seedDemoOrganisation(database.db, { ...service.messaging.cases, clock });
    // Five phones: the demo's two workers and manager, and two people Alex enrols (each gets a consent request).
    const [alex, sam, jo] = [demoStaff[0].phone, demoStaff[1].phone, demoStaff[2].phone];
    await exchange(alex, 'ENROL 07700 900123', 2);
    await exchange(alex, 'ENROL 07700 900124', 2);
    // Long threads: each HELP is answered with the commands, several lines long, and each STATUS with the caseload.
    for (let round = 0; round < 12; round++) {
      for (const phone of [alex, sam, jo]) await exchange(phone, round % 2 === 0 ? 'HELP' : 'STATUS');
    }
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${service.port}/simulator`);
    const count = (await texts()).length;
    await until(`document.querySelectorAll('.phone').length === 5 && document.querySelectorAll('.msg').length === ${count}`, 'every text on the page');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop(5000);
    await database?.close();
  });

  it('when five phones hold long threads on a 1280 px screen, then the page is no taller than the window and the threads scroll inside the phones', async () => {
    const size = (await page.evaluate(measure.page)) as { height: number; viewHeight: number };
    expect(size.height).toBeLessThanOrEqual(size.viewHeight + 2);
    const threads = (await page.evaluate(measure.threads)) as { scrollHeight: number; clientHeight: number }[];
    expect(threads.filter((thread) => thread.scrollHeight > thread.clientHeight + 100).length).toBeGreaterThanOrEqual(3);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'simulator-layout-1280.png') });
  });

  it('when texts carry visually hidden words, then they are clipped to a pixel inside their message and cannot stretch the page', async () => {
    type Hidden = { inThread: boolean; width: number; height: number; position: string; clipPath: string; clip: string; containedBy: string | null };
    const hidden = (await page.evaluate(measure.hidden)) as Hidden[];
    expect(hidden.filter((span) => span.inThread).length).toBeGreaterThan(50);
    for (const span of hidden) {
      expect(span).toMatchObject({ position: 'absolute', clipPath: 'inset(50%)', clip: 'rect(0px, 0px, 0px, 0px)' });
      expect(span.width).toBeLessThanOrEqual(1);
      expect(span.height).toBeLessThanOrEqual(1);
      // Positioned against its own message (a text box's label against its phone), so it scrolls and is clipped with it.
      expect(span.containedBy).toMatch(span.inThread ? /\bmsg\b/ : /\bphone\b/);
    }
  });

  it('when five phones do not fit across, then the page does not scroll sideways but the phones do, snapping, with a cue that more are to the right and a way back', async () => {
    const size = (await page.evaluate(measure.page)) as { width: number; viewWidth: number };
    expect(size.width - size.viewWidth).toBe(0);
    const phones = (await page.evaluate(measure.phones)) as { scrollWidth: number; clientWidth: number; snap: string };
    expect(phones.scrollWidth).toBeGreaterThan(phones.clientWidth);
    expect(phones.snap).toMatch(/^x/);
    const cue = page.getByRole('button', { name: /more phones/i });
    await cue.waitFor({ state: 'visible' });
    await cue.click();
    await until(`document.getElementById('phones').scrollLeft > 0`, 'the phones scrolled along');
    const back = page.getByRole('button', { name: /earlier phones/i });
    await back.waitFor({ state: 'visible' });
    await page.evaluate(`document.getElementById('phones').scrollTo({ left: 1e6 })`);
    await cue.waitFor({ state: 'hidden' });
    await back.click();
    await cue.waitFor({ state: 'visible' });
    await page.evaluate(`document.getElementById('phones').scrollTo({ left: 0 })`);
    await back.waitFor({ state: 'hidden' });
  });

  it('when the layout changes, then the header stays where it is', async () => {
    type Header = { banner: { top: number; left: number; height: number }; heading: { top: number; left: number; height: number } };
    const wide = (await page.evaluate(measure.header)) as Header;
    expect(wide.banner).toMatchObject({ top: 0, left: 0 });
    // Scrolling the phones or the window, or a status message appearing, moves nothing in the header.
    await page.evaluate(`document.getElementById('phones').scrollTo({ left: 400 }); window.scrollTo(0, 5000)`);
    await page.getByLabel('Add a phone').fill('07700 900555');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Added a phone' }).waitFor();
    expect(await page.evaluate(measure.header)).toEqual(wide);
    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = (await page.evaluate(measure.header)) as Header;
    expect(narrow.banner).toMatchObject({ top: 0, left: 0 });
    expect(narrow.heading).toMatchObject({ top: wide.heading.top, left: wide.heading.left, height: wide.heading.height });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.evaluate(measure.header)).toEqual(wide);
  });

  it('when the screen is phone-sized (390 px), then the page fits the window, nothing scrolls the page sideways, and the phones swipe one at a time', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const size = (await page.evaluate(measure.page)) as { height: number; width: number; viewWidth: number; viewHeight: number };
    expect(size.height).toBeLessThanOrEqual(size.viewHeight + 2);
    expect(size.width - size.viewWidth).toBe(0);
    const phones = (await page.evaluate(measure.phones)) as { scrollWidth: number; clientWidth: number; snap: string; widest: number };
    expect(phones.scrollWidth).toBeGreaterThan(phones.clientWidth);
    expect(phones.widest).toBeLessThanOrEqual(phones.clientWidth);
    expect(phones.snap).toMatch(/^x mandatory/);
    const threads = (await page.evaluate(measure.threads)) as { scrollHeight: number; clientHeight: number }[];
    // Each phone still shows a useful stretch of its thread.
    expect(Math.min(...threads.map((thread) => thread.clientHeight))).toBeGreaterThanOrEqual(250);
    await page.screenshot({ path: path.join(resultsDir, 'simulator-layout-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
