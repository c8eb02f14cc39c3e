import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, inBrowser, staffBrowser } from '../support/staff-browser.js';
import { startConversationHarness, type ConversationHarness } from '../support/conversation-harness.js';
import { ons4, outcomeSeeder, phq9 } from '../integration/reports/outcomes-fixture.js';

/**
 * Seven people whose baseline was completed in March 2026 on a PHQ-9 + ONS4 programme. PHQ-9
 * (reliable change 6, lower is better), baseline -> follow-up: 18->8 20->11 16->9 (improved),
 * 12->11 10->10 9->8 (no reliable change), and one with no follow-up. Paired 6; baseline mean
 * 85/6 = 14.17, follow-up 57/6 = 9.50; change -28/6 = -4.67.
 */
inBrowser('the outcomes page in a real browser', () => {
  let h: ConversationHarness;
  let browser: Browser;
  const manager = '+447700900300';
  const analyst = '+447700900301';
  const worker = '+447700900302';
  const period = 'from=2026-03-01&to=2026-03-31';
  const { url, signIn, axe, overflow } = staffBrowser(() => h, () => browser);
  const rows = (page: Page, table: string) =>
    page.locator(`[data-testid=${table}] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => (cell.textContent ?? '').trim())));
  const figure = async (page: Page, table: string, name: string) => (await rows(page, table)).find((r) => r[0]!.startsWith(name))?.[1];

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(manager, 'manager', 'Jo Okafor');
    await h.registerStaff(analyst, 'analyst', 'Ana Lyst');
    const wendy = await h.registerStaff(worker, 'worker', 'Wendy Ward');
    const seed = outcomeSeeder(h.database.db, wendy, h.clock.now());
    const mood = await seed.programme('mood', ['phq9', 'ons4']);
    const pairs: Array<[number, number | null]> = [[18, 8], [20, 11], [16, 9], [12, 11], [10, 10], [9, 8], [14, null]];
    for (const [index, [before, after]] of pairs.entries()) {
      await seed.person({
        programme: mood, phone: `07700 900${400 + index}`, label: `Person ${index}`, enrolledAt: '2026-03-02T09:00:00Z',
        baseline: { at: `2026-03-${String(3 + index).padStart(2, '0')}T10:00:00Z`, answers: { phq9: phq9(before), ons4: ons4(4, 4, 4, 6) } },
        followUps: after === null ? [] : [{ at: '2026-04-20T10:00:00Z', answers: { phq9: phq9(after), ons4: ons4(7, 6, 7, 3) } }],
      });
    }
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('when a manager opens the outcomes for March, then the page shows the API\'s figures with two charts, accessible at 390 px', async () => {
    const page = await signIn(manager, '07700 900300');
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await page.waitForURL(/\/outcomes$/);
    await page.getByLabel('Baselines from').fill('2026-03-01');
    await page.getByLabel('Baselines to').fill('2026-03-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/from=2026-03-01/);
    const api = await (await page.request.get(url(`/api/reports/outcomes?${period}`))).json() as { measures: Array<{ measure: string; paired: number; baselineMean: number; followUpMean: number; reliableImprovement: { count: number; percent: number } }> };
    const phq = api.measures.find((m) => m.measure === 'phq9')!;
    expect([phq.paired, phq.baselineMean, phq.followUpMean]).toEqual([6, 14.17, 9.5]);
    expect(await figure(page, 'measure-phq9', 'Paired')).toBe('6');
    expect(await figure(page, 'measure-phq9', 'Mean at baseline')).toBe('14.17');
    expect(await figure(page, 'measure-phq9', 'Mean at follow-up')).toBe('9.50');
    expect(await figure(page, 'measure-phq9', 'Mean change')).toMatch(/^-4\.67 \(/);
    expect(await figure(page, 'measure-phq9', 'Reliable improvement')).toBe(`3 (${phq.reliableImprovement.percent}%)`);
    expect((await rows(page, 'measure-ons4-items')).map((r) => r.slice(0, 4))).toEqual([
      ['Life satisfaction', '6', '4.00', '7.00'], ['Worthwhile', '6', '4.00', '6.00'], ['Happiness', '6', '4.00', '7.00'], ['Anxiety (lower is better)', '6', '6.00', '3.00'],
    ]);
    expect(await page.locator('svg[role=img]').count()).toBe(2);
    expect(await page.locator('#change-desc').textContent()).toContain('PHQ-9');
    expect(await axe(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The downloads carry the same filters and come back as the files they say.
    const xlsx = await page.getByRole('link', { name: /^Excel workbook/ }).getAttribute('href');
    expect(xlsx).toBe(`/api/exports/assessments?${period}&format=xlsx&shape=wide`);
    const file = await page.request.get(url(xlsx!));
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
    const csv = await page.request.get(url((await page.getByRole('link', { name: 'CSV, a row per answer' }).getAttribute('href'))!));
    expect((await csv.text()).split('\n').filter((line) => line.trim()).length).toBeGreaterThan(1);
  });

  it('when small numbers are suppressed, then reliable change groups under 5 read "<5" without their percentages, under the real CSP', async () => {
    const page = await signIn(manager, '07700 900300', false);
    const blocked: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/.test(message.text())) blocked.push(message.text()); });
    await page.goto(url(`/outcomes?${period}&suppress=yes`));
    expect(await page.getByTestId('report-meta').textContent()).toContain('Small numbers suppressed');
    expect(await figure(page, 'measure-phq9', 'Reliable improvement')).toBe('<5');
    expect(await figure(page, 'measure-phq9', 'No reliable change')).toBe('<5');
    expect(await figure(page, 'measure-phq9', 'Paired')).toBe('6');
    expect(await figure(page, 'measure-phq9', 'Mean at baseline')).toBe('14.17');
    expect(await page.locator('#reliable-desc').textContent()).toContain('small numbers withheld');
    expect(blocked).toEqual([]);
  });

  it('when an analyst opens it, then the report is always suppressed and there is no identifiable download', async () => {
    const page = await signIn(analyst, '07700 900301');
    await page.goto(url(`/outcomes?${period}`));
    expect(await page.getByLabel('Suppress small numbers').isChecked()).toBe(true);
    expect(await page.getByLabel('Suppress small numbers').isDisabled()).toBe(true);
    expect(await page.getByTestId('report-meta').textContent()).toContain('Small numbers suppressed');
    expect(await page.getByRole('link', { name: /^Internal Excel/ }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });

  it('when a date is not a date, then the error is beside the field and nothing is reported', async () => {
    const page = await signIn(manager, '07700 900300');
    const response = await page.goto(url('/outcomes?from=2026-13-40&to=2026-03-31'));
    expect(response!.status()).toBe(400);
    expect(await page.locator('#from-error').textContent()).toContain('is not a date');
    expect(await page.getByTestId('report-meta').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });

  it('when a worker asks for the outcomes, then there is no such page for them', async () => {
    const page = await signIn(worker, '07700 900302');
    expect(await page.getByRole('link', { name: 'Outcomes' }).count()).toBe(0);
    const response = await page.goto(url(`/outcomes?${period}`));
    expect(response!.status()).toBe(404);
  });
});
