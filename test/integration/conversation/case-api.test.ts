import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

describe('the enrolment and service-user API', () => {
  let h: ConversationHarness;
  let adminToken: string;
  let alexToken: string;
  let beaToken: string;
  let mayaToken: string;
  let alexId: string;
  let beaId: string;
  const sky = '+447700900631';

  beforeAll(async () => {
    h = await startConversationHarness();
    const alex = await h.registerStaff('+447700900611', 'worker', 'Alex');
    const bea = await h.registerStaff('+447700900612', 'worker', 'Bea');
    const maya = await h.registerStaff('+447700900613', 'manager', 'Maya');
    alexId = alex.id;
    beaId = bea.id;
    const tokens = h.service.messaging.apiTokens;
    [alexToken, beaToken, mayaToken] = (await Promise.all([alex, bea, maya].map((m) => tokens.issue(m.id, new Date())))) as [string, string, string];
    adminToken = h.adminToken;
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
  });
  afterAll(async () => h.close());

  const api = (path: string, token: string | null, body?: unknown) =>
    fetch(`http://127.0.0.1:${h.service.port}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  it('when a worker enrols with consent taken in person, then the baseline starts at once', async () => {
    const response = await api('/enrolments', alexToken, { phone: '07700 900631', label: 'Sky', consentInPerson: true });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ reference: 'SU-0001', status: 'active', consentRequested: false, workerId: alexId, programme: 'wellbeing' });
    expect(h.inbox(sky)).toEqual([expect.stringMatching(/^Hello from Test Community Trust\. /), expect.stringMatching(/^Q1\/4 /)]);
    expect(await h.database.db.collection('enrolments').findOne({ reference: 'SU-0001' })).toMatchObject({ consent: { decision: 'yes', version: 'in-person', channel: 'in-person' } });
  });

  it('when consent was taken in person, then the first text greets them, names the organisation and the worker, and says how many short questions, within two SMS', () => {
    const [welcome = ''] = h.inbox(sky);
    expect(welcome).toBe('Hello from Test Community Trust. As agreed with Alex, here are 4 short questions about how you are doing, one text at a time. Reply BACK to change an answer, LATER to stop for now, or STOP to stop messages.');
    expect(countSmsSegments(welcome).segments).toBeLessThanOrEqual(2);
  });

  it('when the body is wrong or the caller unknown, then the API answers 400 or 401 with the reason', async () => {
    expect((await api('/enrolments', null, { phone: '07700 900632' })).status).toBe(401);
    expect((await api('/enrolments', 'pt_not-a-token', { phone: '07700 900632' })).status).toBe(401);
    const bad = await api('/enrolments', alexToken, { phone: 12, channel: 'pigeon' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: string[] }).problems.join(' ')).toMatch(/phone.*channel|channel.*phone/s);
    expect((await api('/enrolments', alexToken, '{"phone": ')).status).toBe(400);
    const noWorker = await api('/enrolments', adminToken, { phone: '07700 900632' });
    expect(noWorker.status).toBe(400);
  });

  it('when a number someone already holds is enrolled again, then only managers and admins are told who holds it', async () => {
    const asked = async (token: string, body: Record<string, unknown> = {}) => {
      const response = await api('/enrolments', token, { phone: '+447700900631', ...body });
      return { status: response.status, body: await response.json() };
    };
    expect(await asked(beaToken)).toEqual({ status: 409, body: { error: 'That number cannot be enrolled. A manager can help with this.' } });
    expect(await asked(alexToken)).toEqual({ status: 409, body: { error: 'SU-0001 is already on your caseload (active).' } });
    expect(await asked(mayaToken)).toEqual({ status: 409, body: { error: 'SU-0001 is already enrolled with Alex (active).' } });
    expect(await asked(adminToken, { workerId: beaId })).toEqual({ status: 409, body: { error: 'SU-0001 is already enrolled with Alex (active).' } });
    expect(await h.database.db.collection('enrolments').countDocuments({ reference: 'SU-0001' })).toBe(1);
  });

  it('when the admin enrols for a worker, then it lands on that worker\'s caseload', async () => {
    const response = await api('/enrolments', adminToken, { phone: '07700 900632', workerId: alexId, channel: 'whatsapp' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ reference: 'SU-0002', status: 'pending-consent', workerId: alexId });
  });

  it('when Sky has answered, then their owner, managers and admins can read the record, and other workers cannot', async () => {
    await h.text(sky, '6');
    const mine = await api('/service-users/SU-0001', alexToken);
    expect(mine.status).toBe(200);
    const record = (await mine.json()) as { reference: string; label: string; enrolments: Array<{ assessments: Array<{ answers: Record<string, { value: number }> }> }> };
    expect(record).toMatchObject({ reference: 'SU-0001', label: 'Sky' });
    expect(record.enrolments[0]?.assessments[0]?.answers['life-satisfaction']).toMatchObject({ value: 6, raw: '6' });
    expect(JSON.stringify(record)).not.toContain('7700900631');
    expect((await api('/service-users/su-1', mayaToken)).status).toBe(200);
    expect((await api('/service-users/SU-0001', adminToken)).status).toBe(200);
    expect((await api('/service-users/SU-0999', adminToken)).status).toBe(404);
  });

  it('when a worker asks for someone else\'s record, then the answer is the same 404 as for a reference nobody has', async () => {
    const notMine = await api('/service-users/SU-0001', beaToken);
    const nobody = await api('/service-users/SU-0999', beaToken);
    expect([notMine.status, nobody.status]).toEqual([404, 404]);
    expect(await notMine.json()).toEqual({ error: 'no service-user SU-0001' });
    expect(await nobody.json()).toEqual({ error: 'no service-user SU-0999' });
    expect(Object.fromEntries(notMine.headers)).toEqual({ ...Object.fromEntries(nobody.headers), 'content-length': expect.any(String), date: expect.any(String), etag: expect.any(String) });
  });

  it('when records are read through the API, then each reading is an audit entry naming the reader and the reference only', async () => {
    const views = await (await sealedAuditLog(h.database.db)).find({ action: 'record.view', 'details.via': 'api' }).sort({ _id: 1 }).toArray();
    // Alex, Maya and the admin token read SU-0001 above; refusals (another's record, nobody) are not views.
    expect(views.map((entry) => [entry.actor, entry.subject])).toEqual([[alexId, 'SU-0001'], [expect.any(String), 'SU-0001'], ['admin-api', 'SU-0001']]);
    expect(views.map((entry) => Object.keys(entry).sort())).toEqual(views.map(() => ['_id', 'action', 'actor', 'at', 'details', 'entryId', 'hash', 'prevHash', 'subject']));
    expect(JSON.stringify(views)).not.toMatch(/7700900631|Sky/);
  });

  it('when consent was taken in person, then that consent is an audit entry by the worker who took it', async () => {
    const consents = await (await sealedAuditLog(h.database.db)).find({ action: 'consent.yes', 'details.channel': 'in-person' }).toArray();
    expect(consents).toEqual([expect.objectContaining({ actor: alexId, subject: expect.stringMatching(/^SU-\d{4}$/), details: { version: 'in-person', channel: 'in-person' } })]);
  });
});
