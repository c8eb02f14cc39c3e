import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath, inBrowser, staffBrowser } from '../support/staff-browser.js';
import { startConversationHarness, type ConversationHarness } from '../support/conversation-harness.js';
import { sealedAuditLog } from '../support/sealed-audit-log.js';


inBrowser('the staff web app in a real browser', () => {
  let h: ConversationHarness;
  let browser: Browser;
  const jo = '+447700900100';
  const alex = '+447700900101';
  const person = '+447700900761';
  const { url, signIn, axe, overflow } = staffBrowser(() => h, () => browser);

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(jo, 'manager', 'Jo Okafor');
    await h.registerStaff(alex, 'worker', 'Alex Morgan');
    await h.registerStaff('+447700900102', 'worker', 'Sam Patel');
    await h.registerStaff('+447700900103', 'admin', 'Ada Lee');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'gad7', followUps: ['6w'], isDefault: true });
    await h.addProgramme({ name: 'Talking Therapies', measureId: 'phq9', followUps: ['6w'] });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('when a worker signs in with the texted code and enrols someone, then they are on the caseload and the record shows the baseline score', async () => {
    const page = await signIn(alex, '07700 900101');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Enrol someone' }).click();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Their mobile number').fill('07700 900761');
    await page.getByLabel('Label (optional)').fill('Robin');
    await page.getByLabel(/agreed in person/).check();
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.waitForURL(/service-users\/SU-0001/);
    await page.getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('link', { name: 'SU-0001' }).waitFor();
    expect(await page.getByRole('row', { name: /SU-0001.*Robin/ }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    // GAD-7 has a total and bands (ONS4 reports its four items apart, with no total).
    for (const answer of ['1', '2', '1', '0', '1', '2', '1']) await h.text(person, answer);
    await page.goto(url('/service-users/SU-0001'));
    const scores = page.getByRole('table', { name: /scores$/ });
    await scores.waitFor();
    expect(await scores.textContent()).toMatch(/baseline\s*\d+/);
    expect(await axe(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
  }, 60_000);

  it('when a manager reassigns the person, then they are with the other worker, and the old worker gets 404', async () => {
    const manager = await signIn(jo, '07700 900100');
    expect(await axe(manager)).toEqual([]);
    await manager.goto(url('/service-users/SU-0001'));
    await manager.getByLabel('Reassign to').selectOption({ label: 'Sam Patel' });
    await manager.getByRole('button', { name: 'Reassign' }).click();
    await manager.getByRole('status').filter({ hasText: 'now with Sam Patel' }).waitFor();
    const worker = await signIn(alex, '07700 900101');
    const response = await worker.goto(url('/service-users/SU-0001'));
    expect(response?.status()).toBe(404);
  }, 60_000);

  it('when a baseline answer raises a safeguarding alert, then the worker sees it on /alerts with who was told and acknowledges it with a note', async () => {
    const worker = await signIn(alex, '07700 900101');
    await worker.goto(url('/enrol'));
    await worker.getByLabel('Their mobile number').fill('07700 900762');
    await worker.getByLabel('Programme').selectOption({ label: 'Talking Therapies' });
    await worker.getByLabel(/agreed in person/).check();
    await worker.getByRole('button', { name: 'Enrol' }).click();
    await worker.waitForURL(/service-users\/SU-0002/);
    for (const answer of ['1', '1', '1', '1', '1', '1', '1', '1', '2']) await h.text('+447700900762', answer);
    await worker.getByRole('link', { name: 'Alerts' }).click();
    const card = worker.getByRole('listitem').filter({ hasText: 'SU-0002' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Told: Alex Morgan \(worker\)/);
    expect(await card.textContent()).toMatch(/ago\)/);
    expect(await axe(worker)).toEqual([]);
    expect(await overflow(worker)).toBe(0);
    // Sam's caseload has no alert for Alex to see; a manager sees everyone's.
    const manager = await signIn(jo, '07700 900100');
    await manager.goto(url('/alerts'));
    await manager.getByRole('listitem').filter({ hasText: 'SU-0002' }).waitFor();
    await worker.getByLabel('Note for SU-0002 (what you did)').fill('Called them; safe plan agreed');
    await worker.getByRole('button', { name: 'Acknowledge SU-0002' }).click();
    await worker.getByRole('status').filter({ hasText: 'acknowledged' }).waitFor();
    expect(worker.url()).toMatch(/\/alerts/);
    expect(await worker.getByText('No open safeguarding alerts.').count()).toBe(1);
    const note = await (await sealedAuditLog(h.database.db)).findOne({ action: 'alert.note', subject: 'SU-0002' });
    expect(note?.details?.noteEnc).toBeDefined();
    expect(JSON.stringify(note)).not.toContain('safe plan');
  }, 90_000);

  it('when an admin adds a programme with a mistake, fixes it, edits and retires it, and adds and removes staff, then every page passes axe and fits 390 px', async () => {
    const admin = await signIn('+447700900103', '07700 900103');
    await admin.getByRole('link', { name: 'Programmes' }).click();
    expect(await axe(admin)).toEqual([]);
    expect(await overflow(admin)).toBe(0);
    await admin.getByLabel('Name', { exact: true }).fill('Carers');
    await admin.getByLabel('Measures').fill('nosuchmeasure');
    await admin.getByLabel('Follow-ups').fill('6w, 12w');
    await admin.getByRole('button', { name: 'Add programme' }).click();
    await admin.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await admin.locator('#measures-error').count()).toBe(1);
    expect(await axe(admin)).toEqual([]);
    await admin.getByLabel('Measures').fill('gad7');
    await admin.getByRole('button', { name: 'Add programme' }).click();
    await admin.getByRole('status').filter({ hasText: 'Added Carers' }).waitFor();
    expect(await admin.getByRole('table', { name: /asks of a person/ }).textContent()).toMatch(/baseline\s*gad7\s*7/);
    expect(await axe(admin)).toEqual([]);
    expect(await overflow(admin)).toBe(0);
    await admin.getByLabel('Follow-ups').fill('4w');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByRole('status').filter({ hasText: 'plan version 2' }).waitFor();
    await admin.getByRole('button', { name: 'Retire Carers' }).click();
    await admin.getByRole('status').filter({ hasText: 'Retired Carers' }).waitFor();
    expect(await admin.getByRole('row', { name: /Carers.*Retired/ }).count()).toBe(1);

    await admin.getByRole('link', { name: 'Staff' }).click();
    expect(await axe(admin)).toEqual([]);
    expect(await overflow(admin)).toBe(0);
    await admin.getByLabel('Name', { exact: true }).fill('Kit Moss');
    await admin.getByLabel('Mobile number').fill('07700 900104');
    await admin.getByRole('button', { name: 'Add', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: 'Added Kit Moss' }).waitFor();
    // Sam has SU-0001 since the reassignment: removing Sam asks who takes over.
    await admin.getByRole('link', { name: 'Remove Sam Patel' }).click();
    await admin.getByRole('button', { name: 'Remove Sam Patel' }).click();
    await admin.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await axe(admin)).toEqual([]);
    expect(await overflow(admin)).toBe(0);
    await admin.getByLabel(/Who takes over/).selectOption({ label: 'Kit Moss' });
    await admin.getByRole('button', { name: 'Remove Sam Patel' }).click();
    await admin.getByRole('status').filter({ hasText: /Removed Sam Patel\. 1 person is now with Kit Moss/ }).waitFor();
  }, 90_000);
});
