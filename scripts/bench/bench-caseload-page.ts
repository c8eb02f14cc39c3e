import { randomUUID } from 'node:crypto';
import { MongoClient, type Document } from 'mongodb';
import { startServiceRig, type ServiceRig } from '../../test/support/service-rig.js';

export interface CaseloadPageOptions {
  people: number;
  requests: number;
}

/**
 * Issue 14: the server's render time of `/caseload` for a worker with `people` service-users (the
 * first page of 50, sorted by reference), median and p95 of `requests` sequential requests on a
 * signed-in session, after two warm-up requests. One person is enrolled through the API with
 * consent in person (real documents: person, enrolment, live marker, baseline and follow-ups,
 * conversation); the rest are copies of those documents under new ids, references and hashes.
 */
export async function benchCaseloadPage(mongodbUri: string, options: CaseloadPageOptions): Promise<void> {
  const rig = await startServiceRig(mongodbUri);
  try {
    const worker = await rig.api<{ id: string }>('POST', '/api/staff', { name: 'Bench Worker', phone: '+447700900801', role: 'worker' });
    await rig.api('POST', '/api/programmes', { name: 'Wellbeing', measureId: 'ons4', followUps: ['6w', '12w'], isDefault: true });
    await rig.api('POST', '/api/enrolments', { phone: '+447700900802', consentInPerson: true, workerId: worker.id, label: 'Bench person' });
    await rig.waitForTexts('+447700900802', 1);
    const seedStarted = performance.now();
    const client = await new MongoClient(mongodbUri).connect();
    try {
      await copyPerson(client.db(rig.service.mongo.db.databaseName), options.people - 1);
    } finally {
      await client.close();
    }
    const seedMs = performance.now() - seedStarted;
    const session = await signIn(rig, '+447700900801');
    const get = async () => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${rig.service.port}/caseload`, { headers: { cookie: session } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes('SU-0001')) throw new Error(`/caseload answered ${response.status}`);
      return performance.now() - started;
    };
    await get();
    await get();
    const times: number[] = [];
    for (let i = 0; i < options.requests; i++) times.push(await get());
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
    console.log(`caseload page: ${options.people} service-users, GET /caseload median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms over ${options.requests} requests (target < 150 ms; seeded in ${(seedMs / 1000).toFixed(1)} s)`);
  } finally {
    await rig.close();
  }
}

/** Signs in by the texted code (taken from the fake Twilio) and returns the Cookie header of the session. */
async function signIn(rig: ServiceRig, phone: string): Promise<string> {
  const base = `http://127.0.0.1:${rig.service.port}`;
  const jar = new Map<string, string>();
  let csrf = '';
  const request = async (path: string, form?: Record<string, string>) => {
    const response = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET', redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams({ _csrf: csrf, ...form }).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [name, ...value] = (line.split(';')[0] as string).split('=');
      jar.set(name as string, value.join('='));
    }
    csrf = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? csrf;
    return response;
  };
  await request('/sign-in');
  await request('/sign-in', { phone });
  const code = /(\d{6}) is your/.exec(rig.sentTo(phone).map((m) => m.body ?? '').filter((b) => /sign-in code/.test(b)).at(-1) ?? '')?.[1];
  if (!code) throw new Error('no sign-in code reached the fake Twilio');
  const done = await request('/sign-in/code', { phone, code });
  if (done.status !== 303) throw new Error(`signing in answered ${done.status}`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Copies the one enrolled person `count` times (insertMany in batches), each with ids, reference and hash of its own. */
async function copyPerson(db: ReturnType<MongoClient['db']>, count: number): Promise<void> {
  const person = await db.collection('serviceUsers').findOne({ reference: 'SU-0001' });
  if (!person) throw new Error('SU-0001 was not enrolled');
  const enrolment = await db.collection('enrolments').findOne({ serviceUserId: person._id });
  const marker = await db.collection('liveEnrolments').findOne({ _id: person._id });
  const assessments = await db.collection('assessments').find({ enrolmentId: enrolment?._id }).toArray();
  const contact = await db.collection<{ _id: string }>('contacts').findOne({ _id: person.phoneHash as string });
  if (!enrolment || !marker) throw new Error('SU-0001 has no live enrolment');
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => start + i + 2);
    const docs = { serviceUsers: [] as Document[], enrolments: [] as Document[], liveEnrolments: [] as Document[], assessments: [] as Document[], contacts: [] as Document[] };
    for (const n of batch) {
      const reference = `SU-${String(n).padStart(4, '0')}`;
      const serviceUserId = randomUUID();
      const enrolmentId = randomUUID();
      const phoneHash = `bench-${n}`;
      docs.serviceUsers.push({ ...person, _id: serviceUserId, reference, referenceNumber: n, phoneHash });
      docs.enrolments.push({ ...enrolment, _id: enrolmentId, serviceUserId, reference, phoneHash });
      docs.liveEnrolments.push({ ...marker, _id: serviceUserId, enrolmentId });
      for (const a of assessments) docs.assessments.push({ ...a, _id: randomUUID(), enrolmentId, serviceUserId, reference });
      if (contact) docs.contacts.push({ ...contact, _id: phoneHash });
    }
    await Promise.all(Object.entries(docs).map(([name, list]) => (list.length > 0 ? db.collection(name).insertMany(list) : undefined)));
  }
}
