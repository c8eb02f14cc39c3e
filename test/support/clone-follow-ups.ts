import { BSON, type Db } from 'mongodb';
import { createMongoDueWork } from '../../src/adapters/mongo/mongo-due-work.js';
import { dueItemId, type DueItem } from '../../src/app/ports/due-work.js';
import type { PhoneProtector } from '../../src/app/ports/phone-protector.js';

/**
 * Copies the person behind `assessmentId` (a follow-up scheduled through the real paths, so the
 * documents have the service's own shapes) with new ids, numbers and references, straight into
 * the collections, until there are `people`, and adds each copy's "open" due item. With `dueAt`
 * the copies' follow-ups (window and due item) are moved to fall due at that instant instead.
 * Returns the copies' numbers (E.164), the original's not included.
 */
export async function cloneFollowUps(db: Db, phones: PhoneProtector, assessmentId: string, people: number, options: { dueAt?: Date } = {}): Promise<string[]> {
  const assessment = await db.collection<{ _id: string; enrolmentId: string; serviceUserId: string; [field: string]: unknown }>('assessments').findOne({ _id: assessmentId });
  const enrolment = await db.collection<{ _id: string; reference: string; phoneHash?: string }>('enrolments').findOne({ _id: assessment?.enrolmentId });
  const person = await db.collection<{ _id: string; phoneHash: string; phoneEnc: string; reference: string }>('serviceUsers').findOne({ _id: assessment?.serviceUserId });
  if (!assessment || !enrolment || !person) throw new Error('the template follow-up is incomplete');
  const [dueItem] = await db.collection<DueItem & { _id: string }>('dueItems').find({ subject: assessmentId, kind: 'timepoint:open' }).toArray();
  if (!dueItem) throw new Error('the template follow-up has no due item');
  const shift = options.dueAt ? options.dueAt.getTime() - new Date(dueItem.dueAt).getTime() : 0;
  for (const field of ['dueAt', 'opensAt', 'closesAt']) {
    const at = assessment[field];
    if (at instanceof Date) assessment[field] = new Date(at.getTime() + shift);
  }
  const sources = {
    serviceUsers: [person], enrolments: [enrolment], assessments: [assessment],
    liveEnrolments: await db.collection('liveEnrolments').find({ enrolmentId: enrolment._id }).toArray(),
    contacts: await db.collection('contacts').find({ _id: person.phoneHash as never }).toArray(),
  };
  const texts = Object.fromEntries(Object.entries(sources).map(([name, docs]) => [name, docs.map((doc) => BSON.EJSON.stringify(doc, { relaxed: false }))]));
  const numbers: string[] = [];
  const replacements = (i: number) => {
    const phone = `+4477009${String(10_000 + i)}`;
    numbers.push(phone);
    return [
      [assessment._id, `${assessment._id}-c${i}`], [enrolment._id, `${enrolment._id}-c${i}`], [person._id, `${person._id}-c${i}`],
      [person.phoneEnc, phones.encrypt(phone)], [person.phoneHash, phones.hash(phone)], [person.reference, `SU-${String(100_000 + i)}`],
    ] as const;
  };
  const batch = 500;
  for (let from = 1; from < people; from += batch) {
    const to = Math.min(people, from + batch);
    const docs: Record<string, unknown[]> = {};
    const items: DueItem[] = [];
    for (let i = from; i < to; i++) {
      const swaps = replacements(i);
      for (const [name, list] of Object.entries(texts)) {
        for (const text of list) {
          let copy = text;
          for (const [original, replacement] of swaps) copy = copy.split(original).join(replacement);
          const doc = BSON.EJSON.parse(copy) as Record<string, unknown>;
          if (name === 'serviceUsers') doc.referenceNumber = 100_000 + i;
          if (name === 'liveEnrolments' && typeof doc._id !== 'string') delete doc._id;
          (docs[name] ??= []).push(doc);
        }
      }
      let subject = assessment._id;
      for (const [original, replacement] of swaps) subject = subject.split(original).join(replacement);
      const item = { kind: dueItem.kind, subject, dueAt: new Date(new Date(dueItem.dueAt).getTime() + shift), version: dueItem.version };
      items.push({ ...item, id: dueItemId(item) });
    }
    for (const [name, list] of Object.entries(docs)) await db.collection(name).insertMany(list as never[], { ordered: false });
    await createMongoDueWork(db).add(items);
  }
  return numbers;
}
