import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { source as axeSource } from 'axe-core';
import type { ConversationHarness } from './conversation-harness.js';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** Skipped, saying so, on a machine without Chromium; never in CI, which installs it. */
export const inBrowser = !existsSync(chromiumPath) && !process.env.CI ? describe.skip : describe;

/**
 * The staff web app as a person uses it: sign in with the code texted to their phone, at 390 px.
 * localhost: Chromium keeps Secure cookies there (PUBLIC_BASE_URL is https in the harness).
 */
export function staffBrowser(harness: () => ConversationHarness, browser: () => Browser) {
  const url = (path: string) => `http://localhost:${harness().service.port}${path}`;
  const codeFor = (phone: string) => /(\d{6}) is your/.exec(harness().inbox(phone).filter((t) => / sign-in code/.test(t)).at(-1) ?? '')?.[1] ?? '';
  /** `bypassCSP` only so axe can be injected; a test of the real policy passes false. */
  async function signIn(phone: string, local: string, bypassCSP = true): Promise<Page> {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, bypassCSP });
    const page = await context.newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Mobile number').fill(local);
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page.getByLabel('Code').fill(codeFor(phone));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/(caseload)?$/);
    return page;
  }
  /** The serious and critical axe-core violations on the page. */
  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate('axe.run({ runOnly: ["wcag2a", "wcag2aa", "wcag22aa", "best-practice"] })')) as { violations: Array<{ id: string; impact: string }> };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  }
  const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  return { url, codeFor, signIn, axe, overflow };
}
