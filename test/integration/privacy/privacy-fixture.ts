import type { Db } from 'mongodb';
import type { ConversationHarness } from '../../support/conversation-harness.js';

/** Every place a needle appears in the database: "collection: _id", scanning every collection. */
export async function findEverywhere(db: Db, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for await (const doc of db.collection(name).find({})) {
      const text = JSON.stringify(doc);
      for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${String(doc._id)} holds "${needle}"`);
    }
  }
  return found;
}

/** A JSON call to the service with a bearer token, answering status and body. */
export async function call(h: ConversationHarness, method: 'GET' | 'DELETE', path: string, token = h.adminToken): Promise<{ status: number; body: unknown; text: string; type: string | null }> {
  const response = await fetch(`http://127.0.0.1:${h.service.port}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  const type = response.headers.get('content-type');
  return { status: response.status, text, type, body: type?.includes('json') ? JSON.parse(text) : null };
}

/** Enrols a number with a label through the API, as a worker's web form would. */
export async function enrolWithLabel(h: ConversationHarness, phone: string, label: string, workerId: string): Promise<{ reference: string }> {
  const response = await fetch(`http://127.0.0.1:${h.service.port}/api/enrolments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone, label, workerId }),
  });
  const body = (await response.json()) as { reference: string };
  if (response.status !== 201) throw new Error(`enrolment answered ${response.status}: ${JSON.stringify(body)}`);
  await h.settled();
  return body;
}
