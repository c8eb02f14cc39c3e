import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMongoDigestLog } from '../../../src/adapters/mongo/mongo-digest-log.js';
import { createMongoMessageLog } from '../../../src/adapters/mongo/mongo-message-log.js';
import { sendDailyDigests } from '../../../src/app/scheduling/send-daily-digests.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';
import { waitFor } from '../../support/test-clock.js';
import { webClient } from '../../support/web-client.js';

const docPath = path.resolve(__dirname, '../../../docs/data-protection.md');

/**
 * docs/data-protection.md is the charity's data map: this builds a full history through the real
 * paths (enrolment by API and by text, consent, answers, a risk alert and its ACK, STOP, a stranger,
 * a sign-in and a viewed record, a token used, delivery reports, a digest, the archive, the sealed
 * audit log), then fails naming any collection.field in the database that the map's table does not list.
 */
describe('the data map', () => {
  let h: ConversationHarness;
  const alex = '+447700900811';
  const maya = '+447700900812';
  const sky = '+447700900821';
  const robin = '+447700900822';

  beforeAll(async () => {
    h = await startConversationHarness();
    const worker = await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.registerStaff('+447700900813', 'admin', 'Ada');
    await h.addProgramme({ name: 'Talking Therapies', measureId: 'phq9', followUps: ['1w'], window: '3d', isDefault: true });
    const base = `http://127.0.0.1:${h.service.port}`;

    // Enrolled on the API with a label, by a token; consent, the PHQ-9 with a risk answer.
    const token = await h.service.messaging.apiTokens.issue(worker.id, new Date());
    const enrolled = await fetch(`${base}/api/enrolments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ phone: '07700 900821', label: 'Sky Example' }) });
    expect(enrolled.status).toBe(201);
    await h.text(sky, 'YES');
    for (const answer of ['1', '2', '3', '0', '1', '3', '2', '0', '3']) await h.text(sky, answer);
    await h.text(alex, 'ACK SU-0001');
    // Enrolled by text, then STOP; a stranger texts.
    await h.text(alex, 'ENROL 07700 900822');
    await h.text(robin, 'STOP');
    await h.text('+447700900899', 'hello?');

    // Delivery reports: one delivered, one unreachable.
    const [first, second] = [h.fake.sent.find((m) => m.to === sky)!, h.fake.sent.find((m) => m.to === robin)!];
    for (const [sent, status, errorCode] of [[first, 'delivered', undefined], [second, 'undelivered', '30003']] as const) {
      const url = new URL(sent.statusCallback!);
      const response = await h.post(url.pathname + url.search, { MessageSid: sent.sid, MessageStatus: status, AccountSid: h.fake.accountSid, ...(errorCode ? { ErrorCode: errorCode } : {}) });
      expect(response.status).toBe(204);
    }

    // A manager signs in on the web and opens the record.
    const web = webClient(base);
    await web.request('/sign-in');
    await web.request('/sign-in', { form: { _csrf: web.csrf(), phone: maya } });
    const code = await waitFor(() => /(\d{6}) is your/.exec(h.inbox(maya).join('\n'))?.[1]);
    expect(await web.request('/sign-in/code', { form: { _csrf: web.csrf(), phone: maya, code } })).toMatchObject({ status: 303 });
    expect((await web.request('/service-users/SU-0001')).status).toBe(200);

    // Every settled message so far is archived; the next morning's digest; the audit log sealed.
    await h.settled();
    await createMongoMessageLog(h.database.db).archiveSettled(new Date(Date.now() + 60_000), 500);
    h.clock.setTo(new Date('2026-12-02T09:30:00Z'));
    await sendDailyDigests({ ...h.service.messaging.cases, reports: h.service.messaging.reports, digests: createMongoDigestLog(h.database.db), numbers: h.service.messaging.numbers });
    await h.settled();
    await sealedAuditLog(h.database.db);
  }, 120_000);
  afterAll(async () => h.close());

  it('when every collection is read after a full history, then the map lists every collection.field found', async () => {
    const listed = mappedFields(readFileSync(docPath, 'utf8'));
    const found = await fieldsInDatabase(h);
    // What the history must have produced, so a change that stops writing them is noticed here too.
    const produced = ['staff', 'serviceUsers', 'enrolments', 'assessments', 'alerts', 'contacts', 'messages', 'messageArchive', 'messageEvents', 'suppressions', 'strangerReplies', 'sessions', 'apiTokens', 'digests', 'auditLog', 'numberHealth'];
    expect(produced.filter((collection) => !found.some((field) => field.startsWith(`${collection}.`)))).toEqual([]);
    const unlisted = found.filter((field) => !covered(field, listed));
    expect(unlisted).toEqual([]);
  });
});

/** The `collection.field` cells of the map's tables: the first column, in backticks, a trailing `.*` covering every field below. */
export function mappedFields(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const cell = /^\|\s*`([A-Za-z]+\.[A-Za-z0-9_.*[\]]+)`/.exec(line)?.[1];
    return cell ? [cell] : [];
  });
}

/** Listed as itself, or under a `.*` entry; array elements (`[]`) are named as their field. */
function covered(field: string, listed: readonly string[]): boolean {
  const plain = field.replace(/\[\]/g, '');
  return listed.some((entry) => {
    const named = entry.replace(/\[\]/g, '');
    return named === plain || (named.endsWith('.*') && plain.startsWith(named.slice(0, -1)));
  });
}

/** Every field path in every collection ("messages.statusHistory[].status"), sorted. */
async function fieldsInDatabase(h: ConversationHarness): Promise<string[]> {
  const fields = new Set<string>();
  for (const { name } of await h.database.db.listCollections().toArray()) {
    for (const doc of await h.database.db.collection(name).find({}).toArray()) walk(doc, name, fields);
  }
  return [...fields].sort();
}

function walk(value: unknown, prefix: string, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, `${prefix}[]`, into);
    if (value.length === 0) into.add(`${prefix}[]`);
    return;
  }
  if (value && typeof value === 'object' && !(value instanceof Date) && value.constructor?.name === 'Object') {
    for (const [key, child] of Object.entries(value)) walk(child, `${prefix}.${key}`, into);
    return;
  }
  into.add(prefix);
}
