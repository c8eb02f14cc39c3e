import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath, inBrowser, staffBrowser } from '../support/staff-browser.js';
import { startConversationHarness, type ConversationHarness } from '../support/conversation-harness.js';
import { call, enrolWithLabel } from '../integration/privacy/privacy-fixture.js';

/** An admin in Chromium: a person's subject access page, then their record after the erasure. */
inBrowser('subject access and an erased record in a real browser', () => {
  let h: ConversationHarness;
  let browser: Browser;
  const ada = '+447700900103';
  const robin = '+447700900762';
  const { url, signIn, axe } = staffBrowser(() => h, () => browser);

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(ada, 'admin', 'Ada Lee');
    const worker = await h.registerStaff('+447700900104', 'worker', 'Alex Morgan');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await enrolWithLabel(h, robin, 'Robin Ashgrove', worker.id);
    await h.text(robin, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(robin, answer);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('when an admin opens the HTML export, then it reads in plain words and passes axe', async () => {
    const page = await signIn(ada, '07700 900103');
    await page.goto(url('/api/service-users/SU-0001/export?format=html'));
    await page.getByRole('heading', { name: /What Test Community Trust holds about you \(SU-0001\)/ }).waitFor();
    for (const text of ['+447700900762', 'Robin Ashgrove', 'First check-in: completed']) expect(await page.getByText(text).count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
  });

  it('when the person is erased, then their record page says so, without the label, and passes axe', async () => {
    expect((await call(h, 'DELETE', '/api/service-users/SU-0001')).status).toBe(200);
    const page = await signIn(ada, '07700 900103');
    await page.goto(url('/service-users/SU-0001'));
    await page.getByRole('status').filter({ hasText: /^Erased on .*number, name and message texts were removed/ }).waitFor();
    expect(await page.title()).toMatch(/^SU-0001 \(erased\)/);
    expect(await page.content()).not.toContain('Robin Ashgrove');
    expect(await axe(page)).toEqual([]);
  });
});
