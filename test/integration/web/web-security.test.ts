import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';
import { webClient as client } from '../../support/web-client.js';

describe('the staff web app\'s security rules', () => {
  let h: ConversationHarness;
  const alexPhone = '+447700900711';
  const beaPhone = '+447700900712';
  const adaPhone = '+447700900713';
  const base = () => `http://127.0.0.1:${h.service.port}`;
  const codeFor = (phone: string) => /(\d{6}) is your/.exec(h.inbox(phone).filter((t) => / sign-in code/.test(t)).at(-1) ?? '')?.[1] ?? '';

  async function signIn(phone: string) {
    const c = client(base());
    await c.request('/sign-in');
    const asked = await c.request('/sign-in', { form: { _csrf: c.csrf(), phone } });
    expect(asked.status).toBe(200);
    const done = await c.request('/sign-in/code', { form: { _csrf: c.csrf(), phone, code: codeFor(phone) } });
    expect(done).toMatchObject({ status: 303, location: '/' });
    return c;
  }

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alexPhone, 'worker', 'Alex');
    await h.registerStaff(beaPhone, 'worker', 'Bea');
    await h.registerStaff(adaPhone, 'admin', 'Ada');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
  });
  afterAll(async () => h.close());

  it('when a number is not staff, then the page says the same as for staff and no text is sent', async () => {
    const c = client(base());
    await c.request('/sign-in');
    const stranger = await c.request('/sign-in', { form: { _csrf: c.csrf(), phone: '07700 900799' } });
    const staff = await c.request('/sign-in', { form: { _csrf: c.csrf(), phone: '07700 900711' } });
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '').replace(/0?7700 900\d{3}|\+447700900\d{3}/g, 'N');
    expect(strip(stranger.text)).toBe(strip(staff.text));
    expect(h.inbox('+447700900799')).toEqual([]);
    expect(codeFor(alexPhone)).toMatch(/^\d{6}$/);
    const audit = await (await sealedAuditLog(h.database.db)).find({ action: /^sign-in/ }).toArray();
    expect(JSON.stringify(audit)).not.toContain('900711');
  });

  it('when a POST has no CSRF token, then it is refused with 403', async () => {
    const c = client(base());
    await c.request('/sign-in');
    expect((await c.request('/sign-in', { form: { phone: '07700 900711' } })).status).toBe(403);
  });

  // Bea's session is kept for the audit test below: sign-in codes are rate-limited per number.
  let beaSignedIn: Awaited<ReturnType<typeof signIn>>;
  it('when a worker asks for another worker\'s person, then the answer is 404 as for nobody, on the page and the API', async () => {
    const bea = (beaSignedIn = await signIn(beaPhone));
    await bea.request('/enrol');
    const enrolled = await bea.request('/enrol', { form: { _csrf: bea.csrf(), phone: '07700 900741', programme: 'wellbeing', label: 'Robin', channel: 'sms' } });
    expect(enrolled.location).toMatch(/^\/service-users\/SU-\d{4}/);
    const reference = /SU-\d{4}/.exec(enrolled.location as string)?.[0] as string;
    const alex = await signIn(alexPhone);
    expect((await alex.request(`/service-users/${reference}`)).status).toBe(404);
    expect((await alex.request('/service-users/SU-9999')).status).toBe(404);
    expect((await alex.request(`/api/service-users/${reference}`)).status).toBe(404);
    expect((await bea.request(`/api/service-users/${reference}`)).status).toBe(200);
    // A state-changing API call on a session needs the token too.
    expect((await bea.request('/api/enrolments', { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(403);
  });

  it('when a worker enrols someone, opens their record and the dashboard, then each is an audit entry as that worker; a refused view is none', async () => {
    const bea = beaSignedIn;
    await bea.request('/enrol');
    const enrolled = await bea.request('/enrol', { form: { _csrf: bea.csrf(), phone: '07700 900742', programme: 'wellbeing', label: 'Jordan', channel: 'sms' } });
    const reference = /SU-\d{4}/.exec(enrolled.location as string)?.[0] as string;
    expect((await bea.request(`/service-users/${reference}`)).status).toBe(200);
    expect((await bea.request('/dashboard')).status).toBe(200);
    const beaId = (await h.database.db.collection('staff').findOne({ name: 'Bea' }))?._id as unknown as string;
    const alexId = (await h.database.db.collection('staff').findOne({ name: 'Alex' }))?._id as unknown as string;
    // Another worker's try (by token: the sign-in rate limit is per address) answers 404 and is no view.
    const alexToken = await h.service.messaging.apiTokens.issue(alexId, new Date());
    expect((await fetch(`${base()}/api/service-users/${reference}`, { headers: { authorization: `Bearer ${alexToken}` } })).status).toBe(404);
    const log = await sealedAuditLog(h.database.db);
    const enrolment = await log.findOne({ actor: beaId, action: 'enrolment.start', 'details.reference': reference });
    expect(enrolment).toMatchObject({ subject: expect.any(String), details: { reference, programme: 'wellbeing', channel: 'sms' } });
    expect(await log.countDocuments({ actor: beaId, action: 'record.view', subject: reference, 'details.via': 'web' })).toBe(1);
    expect(await log.findOne({ actor: beaId, action: 'report.dashboard' }, { sort: { _id: -1 } })).toMatchObject({ details: { week: expect.stringMatching(/^\d{4}-W\d\d$/) } });
    expect(await log.countDocuments({ actor: alexId, action: 'record.view', subject: reference })).toBe(0);
    expect(JSON.stringify(await log.find({ actor: beaId }).toArray())).not.toMatch(/7700 ?900742|Jordan/);
  });

  it('when a worker signs out, then the old cookie is refused', async () => {
    const alex = await signIn(alexPhone);
    const cookies = new Map(alex.jar);
    expect((await alex.request('/caseload')).status).toBe(200);
    await alex.request('/sign-out', { form: { _csrf: alex.csrf() } });
    const replay = client(base());
    for (const [k, v] of cookies) replay.jar.set(k, v);
    expect(await replay.request('/caseload')).toMatchObject({ status: 303, location: '/sign-in' });
  });

  it('when a session is idle for over 30 minutes, then it is refused', async () => {
    const alex = await signIn(alexPhone);
    h.clock.advance(31 * 60_000);
    expect(await alex.request('/caseload')).toMatchObject({ status: 303, location: '/sign-in' });
  });

  it('when the wrong code is given five times, then the code is locked and the right one no longer works', async () => {
    h.clock.advance(11 * 60_000);
    const c = client(base());
    await c.request('/sign-in');
    await c.request('/sign-in', { form: { _csrf: c.csrf(), phone: beaPhone } });
    const right = codeFor(beaPhone);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await c.request('/sign-in/code', { form: { _csrf: c.csrf(), phone: beaPhone, code: wrong } })).status).toBe(400);
    const after = await c.request('/sign-in/code', { form: { _csrf: c.csrf(), phone: beaPhone, code: right } });
    expect(after.status).toBe(400);
    expect(after.text).toContain('not right, or it has run out');
  });

  it('when someone who is not an admin opens an admin page, then it answers 404 as for nothing there', async () => {
    const alex = await signIn(alexPhone);
    for (const path of ['/admin/staff', '/admin/programmes', '/admin/staff/x/remove']) expect((await alex.request(path)).status).toBe(404);
    await alex.request('/caseload');
    expect((await alex.request('/admin/staff', { form: { _csrf: alex.csrf(), name: 'Eve', phone: '07700 900799', role: 'admin' } })).status).toBe(404);
    expect(await h.database.db.collection('staff').countDocuments({ name: 'Eve' })).toBe(0);
    expect((await alex.request('/api/staff')).status).toBe(401);
    expect(await client(base()).request('/admin/staff')).toMatchObject({ status: 303, location: '/sign-in' });
  });

  it('when an admin adds staff on the page, then errors are beside the fields and the addition is audited as that admin', async () => {
    const ada = await signIn(adaPhone);
    await ada.request('/admin/staff');
    const wrong = await ada.request('/admin/staff', { form: { _csrf: ada.csrf(), name: '', phone: '12', role: 'worker', team: '' } });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('There is a problem');
    expect(wrong.text).toMatch(/id="name-error"/);
    expect(wrong.text).toMatch(/id="phone-error"/);
    const added = await ada.request('/admin/staff', { form: { _csrf: ada.csrf(), name: 'Cai', phone: '07700 900714', role: 'worker', team: 'north' } });
    expect(added).toMatchObject({ status: 303, location: '/admin/staff' });
    const adaId = (await h.database.db.collection('staff').findOne({ name: 'Ada' }))?._id;
    expect(await (await sealedAuditLog(h.database.db)).findOne({ action: 'staff.add', 'details.name': 'Cai' })).toMatchObject({ actor: adaId });
    expect((await ada.request('/admin/staff')).text).toContain('Cai');
  });

  it('when a POST to an admin page has a bad CSRF token, then a browser gets an HTML 403 page and /api gets JSON', async () => {
    const ada = await signIn(adaPhone);
    const page = await ada.request('/admin/staff', { form: { _csrf: 'forged', name: 'Eve', phone: '07700 900798', role: 'admin' } });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('<h1>');
    const api = await ada.request('/api/staff', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged' } });
    expect(api.status).toBe(403);
    expect(api.headers.get('content-type')).toMatch(/json/);
    expect(await h.database.db.collection('staff').countDocuments({ name: 'Eve' })).toBe(0);
  });

  it('when a link carries made-up text in its query, then the record does not show it; an action\'s message is shown once, from the session', async () => {
    const bea = await signIn(beaPhone);
    await bea.request('/enrol');
    const enrolled = await bea.request('/enrol', { form: { _csrf: bea.csrf(), phone: '07700 900743', programme: 'wellbeing', channel: 'sms' } });
    const reference = /SU-\d{4}/.exec(enrolled.location as string)?.[0] as string;
    expect(enrolled.location).toBe(`/service-users/${reference}`);
    expect((await bea.request(enrolled.location as string)).text).toContain(`Enrolled ${reference}.`);
    expect((await bea.request(`/service-users/${reference}`)).text).not.toContain(`Enrolled ${reference}.`);
    const crafted = await bea.request(`/service-users/${reference}?done=Your+account+is+locked%3A+call+0900+123456&enrolled=1`);
    expect(crafted.status).toBe(200);
    expect(crafted.text).not.toContain('0900 123456');
    expect(crafted.text).not.toContain('role="status"');
    const paused = await bea.request(`/service-users/${reference}/actions`, { form: { _csrf: bea.csrf(), action: 'pause' } });
    expect(paused).toMatchObject({ status: 303, location: `/service-users/${reference}` });
    expect((await bea.request(`/service-users/${reference}`)).text).toMatch(/role="status"[^>]*>[^<]*pause/i);
  });

  it('when an admin is signed in, then /api/staff and /api/programmes take the session with its CSRF header', async () => {
    const ada = await signIn(adaPhone);
    await ada.request('/admin/programmes');
    expect((await ada.request('/api/staff')).status).toBe(200);
    expect((await ada.request('/api/programmes')).status).toBe(200);
    const body = JSON.stringify({ name: 'Dee', phone: '07700 900715', role: 'worker' });
    const refused = await fetch(`${base()}/api/staff`, { method: 'POST', headers: { cookie: [...ada.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json' }, body });
    expect(refused.status).toBe(403);
    const made = await fetch(`${base()}/api/staff`, { method: 'POST', headers: { cookie: [...ada.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json', 'x-csrf-token': ada.csrf() }, body });
    expect(made.status).toBe(201);
  });

  it('when an admin removes a worker who has people, then the page asks who takes them over and moves them', async () => {
    const bea = await signIn(beaPhone);
    await bea.request('/enrol');
    await bea.request('/enrol', { form: { _csrf: bea.csrf(), phone: '07700 900742', programme: 'wellbeing', channel: 'sms' } });
    const ada = await signIn(adaPhone);
    const cai = (await h.database.db.collection('staff').findOne({ name: 'Cai' }))?._id as unknown as string;
    const beaId = (await h.database.db.collection('staff').findOne({ name: 'Bea' }))?._id as unknown as string;
    const page = await ada.request(`/admin/staff/${beaId}/remove`);
    expect(page.text).toMatch(/Who takes over their \d+ (people|person)/);
    const unchosen = await ada.request(`/admin/staff/${beaId}/remove`, { form: { _csrf: ada.csrf() } });
    expect(unchosen.status).toBe(409);
    expect(unchosen.text).toContain('id="reassignTo-error"');
    expect(await h.database.db.collection('staff').findOne({ _id: beaId as never })).toMatchObject({ name: 'Bea' });
    expect(await h.database.db.collection('staff').findOne({ _id: cai as never, removedAt: { $exists: true } })).toBeNull();
    const dee = (await h.database.db.collection('staff').findOne({ name: 'Dee' }))?._id as unknown as string;
    expect((await ada.request(`/admin/staff/${dee}/remove`)).text).not.toContain('Who takes over');
    expect(await ada.request(`/admin/staff/${dee}/remove`, { form: { _csrf: ada.csrf() } })).toMatchObject({ status: 303, location: '/admin/staff' });
    expect(await h.database.db.collection('staff').findOne({ _id: dee as never })).toHaveProperty('removedAt');
  });

  it('when a member of staff is removed, then their sessions and API tokens end', async () => {
    const bea = await signIn(beaPhone);
    const staffId = (await h.database.db.collection('staff').findOne({ name: 'Bea' }))?._id as unknown as string;
    const token = await h.service.messaging.apiTokens.issue(staffId, new Date());
    const moved = await fetch(`${base()}/api/staff/${staffId}?reassignTo=${(await h.database.db.collection('staff').findOne({ name: 'Alex' }))?._id}`, { method: 'DELETE', headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(moved.status).toBe(200);
    expect(await bea.request('/caseload')).toMatchObject({ status: 303 });
    expect(await h.database.db.collection('sessions').countDocuments({ staffId })).toBe(0);
    expect((await fetch(`${base()}/api/service-users/SU-0001`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
