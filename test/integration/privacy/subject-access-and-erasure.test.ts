import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { travelTo } from '../../support/time-travel.js';
import { call, enrolWithLabel, findEverywhere } from './privacy-fixture.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

interface Report {
  reference: string; status: string; phone: string | null; label: string | null; optedOut: boolean;
  enrolments: Array<{ status: string; programme: string; worker: string }>;
  consents: Array<{ decision: string }>;
  timepoints: Array<{ kind: string; status: string; answers: Array<{ item: string; question: string; text: string | null; value: number | null }>; scores: Array<{ score: number | null }> }>;
  messages: Array<{ direction: string; body: string | null; status: string; events: Array<{ status: string; source: string }> }>;
  alerts: Array<{ item: string }>;
  audit: Array<{ action: string; actor: string }>;
}

/**
 * One person with a full history (enrolled with a label, consented, PHQ-9 baseline with a risk
 * answer and so an alert, a free-text message, a delivery report, the 6-week follow-up answered),
 * exported, then erased through the API.
 */
describe('subject access and erasure of one person', () => {
  let h: ConversationHarness;
  const alex = '+447700900731';
  const sam = '+447700900123';
  const label = 'Sam Quillfeather';
  const chat = 'thanks, my housing appointment went well today';
  let exported: Report;
  let figuresBefore: unknown[];
  let tokens: { worker: string; manager: string; admin: string };

  const figures = async () => Promise.all([
    call(h, 'GET', '/api/reports/weekly?week=2026-W49'),
    call(h, 'GET', '/api/reports/weekly?week=2027-W02'),
    call(h, 'GET', '/api/reports/outcomes?from=2026-11-01&to=2027-01-31'),
  ]).then((answers) => answers.map((a) => {
    expect(a.status).toBe(200);
    return a.body;
  }));

  beforeAll(async () => {
    h = await startConversationHarness();
    const worker = await h.registerStaff(alex, 'worker', 'Alex');
    const manager = await h.registerStaff('+447700900732', 'manager', 'Maya');
    const admin = await h.registerStaff('+447700900733', 'admin', 'Ada');
    const issue = (id: string) => h.service.messaging.apiTokens.issue(id, h.clock.now());
    tokens = { worker: await issue(worker.id), manager: await issue(manager.id), admin: await issue(admin.id) };
    await h.addProgramme({ name: 'Talking Therapies', measureId: 'phq9', followUps: ['6w'], isDefault: true });
    await enrolWithLabel(h, '07700 900123', label, worker.id);
    await h.text(sam, 'yes');
    for (const reply of ['1', '2', 'three', '0', '1', '3', '2', '0', '1']) await h.text(sam, reply);
    await h.text(sam, chat);
    // A delivery report for the first text Sam was sent.
    const first = h.fake.sent.find((m) => m.to === sam);
    const url = new URL(first?.statusCallback ?? '');
    expect((await h.post(url.pathname + url.search, { MessageSid: first?.sid ?? '', MessageStatus: 'delivered', AccountSid: h.fake.accountSid })).status).toBe(204);
    await travelTo(h, '2027-01-12T10:00:05Z');
    for (const reply of ['0', '1', '1', '0', '0', '1', '1', '0', '0']) await h.text(sam, reply);
    await h.settled();
    figuresBefore = await figures();
  });
  afterAll(async () => h.close());

  it('when an admin exports SU-0001, then every part of the history is there: number, label, enrolment, consent, both timepoints with answers and scores, messages with delivery, the alert, the audit entries', async () => {
    const answer = await call(h, 'GET', '/api/service-users/SU-0001/export', tokens.admin);
    expect(answer.status).toBe(200);
    exported = answer.body as Report;
    expect(exported).toMatchObject({ reference: 'SU-0001', status: 'held', phone: sam, label, optedOut: false });
    expect(exported.enrolments).toEqual([expect.objectContaining({ programme: 'Talking Therapies', worker: 'Alex' })]);
    expect(exported.consents).toEqual([expect.objectContaining({ decision: 'yes' })]);
    const [baseline, followUp] = exported.timepoints;
    expect(baseline).toMatchObject({ kind: 'baseline', status: 'completed', scores: [{ score: 13 }] });
    expect(baseline?.answers.find((a) => a.item === 'q3')).toMatchObject({ question: 'trouble falling or staying asleep, or sleeping too much?', text: 'three', value: 3 });
    expect(followUp).toMatchObject({ kind: 'follow-up', status: 'completed', scores: [{ score: 4 }] });
    expect(exported.messages.filter((m) => m.direction === 'in').map((m) => m.body)).toEqual(expect.arrayContaining(['yes', 'three', chat]));
    expect(exported.messages.some((m) => m.direction === 'out' && m.body?.startsWith('Q1/9'))).toBe(true);
    expect(exported.messages.some((m) => m.status === 'delivered' && m.events.some((e) => e.source === 'provider' && e.status === 'delivered'))).toBe(true);
    expect(exported.alerts).toEqual([expect.objectContaining({ item: 'q9' })]);
    expect(exported.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['enrolment.start', 'alert.open']));
  });

  it('when the export is asked for as HTML, then it is one self-contained page with the same parts in plain words', async () => {
    const answer = await call(h, 'GET', '/api/service-users/SU-0001/export?format=html', tokens.admin);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/text\/html/);
    for (const part of ['SU-0001', sam, label, 'Talking Therapies', 'Your consent', 'trouble falling or staying asleep, or sleeping too much?', 'First check-in: completed', 'Follow-up (6w): completed', 'three', chat, 'delivered', 'q9', 'enrolment.start']) {
      expect(answer.text).toContain(part);
    }
    expect(answer.text).not.toMatch(/<link|<script|src=|https?:\/\//);
  });

  it('when a worker (even their own) or a manager asks for the export or the erasure, then the answer is the 404 of a missing person, and nothing is erased', async () => {
    const missing = await call(h, 'GET', '/api/service-users/SU-0999/export', tokens.admin);
    expect(missing.status).toBe(404);
    for (const token of [tokens.worker, tokens.manager]) {
      for (const [method, path] of [['GET', '/api/service-users/SU-0001/export'], ['DELETE', '/api/service-users/SU-0001']] as const) {
        const answer = await call(h, method, path, token);
        expect(answer).toMatchObject({ status: 404, body: { error: 'no service-user SU-0001' } });
      }
    }
    expect((await call(h, 'GET', '/api/service-users/SU-0999/export', tokens.worker)).body).toEqual(missing.body);
    expect(await h.database.db.collection('serviceUsers').findOne({ reference: 'SU-0001' })).not.toHaveProperty('erasedAt');
  });

  it('when an admin erases SU-0001, then no collection holds the number (E.164 or national form), the label or any message text, and the audit says who with no personal data', async () => {
    const texts = [...new Set(exported.messages.flatMap((m) => (m.body && m.body.length >= 12 ? [m.body] : [])))];
    expect(texts.length).toBeGreaterThan(5);
    // The scan finds what is there: before the erasure, every text is stored somewhere.
    const before = await findEverywhere(h.database.db, texts);
    for (const text of texts) expect(before.some((hit) => hit.endsWith(`holds "${text}"`))).toBe(true);
    const answer = await call(h, 'DELETE', '/api/service-users/SU-0001', tokens.admin);
    expect(answer).toMatchObject({ status: 200, body: { reference: 'SU-0001', status: 'erased', scoresRemoved: false } });
    const needles = [sam, sam.slice(1), '07700 900123', '07700900123', '7700 900123', label, ...texts];
    expect(await findEverywhere(h.database.db, needles)).toEqual([]);
    const raw = await h.database.db.collection('assessments').find({}).toArray();
    expect(raw.flatMap((a) => Object.values(a.answers as Record<string, { raw: string }>).map((x) => x.raw)).filter((x) => x !== '')).toEqual([]);
    const entry = await (await sealedAuditLog(h.database.db)).findOne({ action: 'person.erased' });
    expect(entry).toMatchObject({ subject: 'SU-0001', details: expect.objectContaining({ scoresRemoved: false }) });
    expect(typeof entry?.actor).toBe('string');
    expect(JSON.stringify(entry)).not.toMatch(/7700|Quillfeather/);
  });

  it('when the person is erased, then the weekly reports and the outcome report give exactly the same figures', async () => {
    expect(await figures()).toEqual(figuresBefore);
  });

  it('when the record is read after the erasure, then it shows as erased with its scores and no label', async () => {
    const record = await call(h, 'GET', '/api/service-users/SU-0001');
    expect(record.body).toMatchObject({ reference: 'SU-0001', status: 'erased', label: null });
    const again = (await call(h, 'GET', '/api/service-users/SU-0001/export', tokens.admin)).body as Report;
    expect(again).toMatchObject({ status: 'erased', phone: null, label: null, messages: [] });
    expect(again.timepoints.map((t) => t.scores)).toEqual([[expect.objectContaining({ score: 13 })], [expect.objectContaining({ score: 4 })]]);
  });

  it('when SU-0001 is erased again, then it says already erased and changes nothing', async () => {
    const entries = await (await sealedAuditLog(h.database.db)).countDocuments({ action: 'person.erased' });
    const answer = await call(h, 'DELETE', '/api/service-users/SU-0001', tokens.admin);
    expect(answer).toMatchObject({ status: 200, body: { reference: 'SU-0001', status: 'already-erased' } });
    expect(await (await sealedAuditLog(h.database.db)).countDocuments({ action: 'person.erased' })).toBe(entries);
  });

  it('when the erased number texts in again, then it is treated as a stranger: one generic reply, nothing recorded', async () => {
    const before = h.inbox(sam).length;
    await h.text(sam, 'hello is anyone there');
    await h.settled();
    expect(h.inbox(sam).slice(before)).toEqual([expect.stringMatching(/^This is Test Community Trust's automated wellbeing text service/)]);
    expect(await findEverywhere(h.database.db, ['hello is anyone there', sam.slice(1)])).toEqual([]);
    expect(await h.database.db.collection('contacts').countDocuments({ _id: h.service.messaging.delivery.phones.hash(sam) as never })).toBe(0);
  });
});
