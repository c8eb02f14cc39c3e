import { chromium, type Browser, type Page } from 'playwright-core';
import type { StaffMember } from '../../src/app/ports/staff-directory.js';
import { lastCompleteWeek } from '../../src/app/reports/weekly-report.js';
import { isoWeekRange } from '../../src/domain/schedule/iso-week-range.js';
import { utcToZoned } from '../../src/domain/schedule/utc-to-zoned.js';
import { chromiumArgs, chromiumPath, inBrowser, staffBrowser } from '../support/staff-browser.js';
import { startConversationHarness, type ConversationHarness } from '../support/conversation-harness.js';
import { caseSeeder } from '../integration/reports/seed-cases.js';


inBrowser('the manager dashboard in a real browser', () => {
  let h: ConversationHarness;
  let browser: Browser;
  let week = '';
  let months: { thisMonth: string; earlier: string } = { thisMonth: '', earlier: '' };
  const jo = '+447700900200';
  const alex = '+447700900201';
  const { url, signIn, axe, overflow } = staffBrowser(() => h, () => browser);
  const rows = (page: Page, table: string) =>
    page.locator(`[data-testid=${table}] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => (cell.textContent ?? '').trim())));

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(jo, 'manager', 'Jo Okafor');
    const alexMember = await h.registerStaff(alex, 'worker', 'Alex Morgan');
    const sam = await h.registerStaff('+447700900202', 'worker', 'Sam Patel');
    week = lastCompleteWeek(h.clock.now(), 'Europe/London');
    const { start } = isoWeekRange(week, 'Europe/London');
    const inWeek = (days: number) => new Date(start.getTime() + days * 86_400_000 + 12 * 3_600_000).toISOString();
    const fiveWeeksBefore = new Date(start.getTime() - 33 * 86_400_000).toISOString();
    const label = (iso: string) => { const d = utcToZoned(new Date(iso), 'Europe/London'); return `${d.year}-${String(d.month).padStart(2, '0')}`; };
    months = { thisMonth: label(inWeek(2)), earlier: label(fiveWeeksBefore) };
    const seed = caseSeeder(h.database.db);
    const one = async (worker: StaffMember, fields: Parameters<typeof seed.assess>[1]) => seed.assess(await seed.enrol(worker, '2026-01-10T09:00:00Z'), fields);
    // The week: Alex 2 of 3 (1 lapsed), Sam 0 of 2 (both lapsed). Five weeks before: Alex 1 of 1.
    await one(alexMember, { status: 'completed', closesAt: inWeek(2), completedAt: inWeek(1) });
    await one(alexMember, { status: 'completed', closesAt: inWeek(2), completedAt: inWeek(2) });
    await one(alexMember, { status: 'lapsed', closesAt: inWeek(3) });
    await one(sam, { status: 'lapsed', closesAt: inWeek(2) });
    await one(sam, { status: 'lapsed', closesAt: inWeek(3) });
    await one(alexMember, { status: 'completed', closesAt: fiveWeeksBefore, completedAt: fiveWeeksBefore });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('when a manager opens the dashboard, then the per-worker and monthly figures are the hand count, accessible at 390 px', async () => {
    const page = await signIn(jo, '07700 900200');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Dashboard, ${week}`);
    expect((await rows(page, 'workers')).map((r) => r.slice(0, 4))).toEqual([['Sam Patel', '2', '0', '0%'], ['Alex Morgan', '3', '2', '67%']]);
    const monthRows = await rows(page, 'months');
    expect(monthRows).toHaveLength(12);
    const byMonth = new Map(monthRows.map((r) => [r[0], r.slice(2, 4)]));
    if (months.thisMonth === months.earlier) expect(byMonth.get(months.thisMonth)).toEqual(['6', '3']);
    else {
      expect(byMonth.get(months.thisMonth)).toEqual(['5', '2']);
      expect(byMonth.get(months.earlier)).toEqual(['1', '1']);
    }
    expect(await page.getByTestId('headline').textContent()).toContain('40%');
    expect(await page.locator('[data-testid=workers] a').count()).toBeGreaterThan(0);
    expect(await page.locator('svg[role=img]').count()).toBe(3);
    expect(await axe(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The lapsed figure opens the worker's caseload.
    await page.locator('[data-testid=workers] tbody tr').first().locator('td').nth(4).getByRole('link').click();
    await page.waitForURL(/\/caseload\?worker=/);
  });

  it('when the page is printed, then it is an A4 report with the organisation and period at the top and no navigation', async () => {
    const page = await signIn(jo, '07700 900200', false);
    const blocked: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/.test(message.text())) blocked.push(message.text()); });
    await page.goto(url(`/dashboard?week=${week}`));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    const meta = await page.getByTestId('report-meta');
    expect(await meta.isVisible()).toBe(true);
    expect(await meta.textContent()).toMatch(new RegExp(`Test Community Trust.*week ${week}`));
    // The first thing on the printed page: nothing above the report line but the header and the title.
    expect((await meta.boundingBox())!.y).toBeLessThan(200);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Chromium writes the document title (organisation and week) into the PDF's information dictionary.
    const info = pdf.toString('latin1');
    const title = /\/Title\s*(\((?:[^)\\]|\\.)*\)|<[0-9A-Fa-f]+>)/.exec(info)?.[1] ?? '';
    const decoded = title.startsWith('<') ? Buffer.from(title.slice(1, -1), 'hex').swap16().toString('utf16le') : title;
    expect(decoded).toContain(week);
    expect(decoded).toContain('Test Community Trust');
    expect(blocked).toEqual([]);
  });

  it('when a worker opens the dashboard, then they see their own figures only', async () => {
    const page = await signIn(alex, '07700 900201');
    await page.goto(url('/dashboard'));
    expect((await rows(page, 'workers')).map((r) => r.slice(0, 4))).toEqual([['Alex Morgan', '3', '2', '67%']]);
    expect(await page.content()).not.toContain('Sam Patel');
    expect(await page.locator('[data-testid=workers] a').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });
});
