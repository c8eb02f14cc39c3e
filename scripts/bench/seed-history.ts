import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';

export interface SeedOptions {
  messages: number;
  assessments: number;
  /** Documents per insertMany. */
  batchSize: number;
  /** Everything happened in the year before this instant. */
  before: Date;
}

export interface SeedTimings {
  /** Wall time of the whole seeding; the three collections are filled at once. */
  totalMs: number;
  messagesMs: number;
  messageEventsMs: number;
  assessmentsMs: number;
  messageEvents: number;
}

/** Messages and assessments per person in the made-up history: a year of texts, five timepoints. */
const messagesPerPerson = 25;
const timepoints = ['baseline', '6w', '12w', '6m', 'discharge'] as const;
const dueAfterDays = [0, 42, 84, 182, 270] as const;
const year = 365 * 86_400_000;

/**
 * Fills a database with the history a year of use leaves behind, written straight into the
 * collections (insertMany in batches) in the shapes the adapters write them today
 * (src/adapters/mongo/mongo-message-log.ts, mongo-case-store.ts): inbound answers, processed;
 * outbound questions and replies, sent, each with its outbox timeline (pending, sending, sent) on
 * the message and Twilio's "delivered" callback in messageEvents; assessments over five
 * timepoints, mostly completed and scored. The messages are a year old, so they are where the
 * service keeps settled messages older than a day: the archive (archive-messages.ts). It belongs to other people than the benchmark's, so a turn finds none
 * of it by its own keys: whatever the turn still pays for it, it pays for scanning.
 * Keep these shapes in step with the adapters when they change.
 */
export async function seedHistory(db: Db, options: SeedOptions): Promise<SeedTimings> {
  const started = performance.now();
  const people = Array.from({ length: Math.ceil(Math.max(options.messages / messagesPerPerson, options.assessments / timepoints.length)) }, () => syntheticPerson(options.before));
  const insert = async (collection: string, documents: Iterable<Record<string, unknown>>): Promise<{ ms: number; count: number }> => {
    const started = performance.now();
    let batch: Array<Record<string, unknown>> = [];
    let count = 0;
    for (const document of documents) {
      batch.push(document);
      count++;
      if (batch.length === options.batchSize) {
        await db.collection(collection).insertMany(batch, { ordered: false });
        batch = [];
      }
    }
    if (batch.length > 0) await db.collection(collection).insertMany(batch, { ordered: false });
    return { ms: performance.now() - started, count };
  };

  const outbound: Array<{ id: string; at: Date; providerSid: string }> = [];
  const messageDocs = [...messageDocuments(people, options.messages, outbound)];
  // Three collections at once: the server's encoding work overlaps, though its writes take turns.
  const [messages, events, assessments] = await Promise.all([
    insert('messageArchive', messageDocs),
    insert('messageEvents', eventDocuments(outbound)),
    insert('assessments', assessmentDocuments(people, options.assessments)),
  ]);
  return { totalMs: performance.now() - started, messagesMs: messages.ms, messageEventsMs: events.ms, assessmentsMs: assessments.ms, messageEvents: events.count };
}

interface SyntheticPerson {
  phoneHash: string;
  phoneEnc: string;
  serviceUserId: string;
  enrolmentId: string;
  workerId: string;
  enrolledAt: Date;
}

const workerIds = Array.from({ length: 20 }, () => randomUUID());
const programmeId = randomUUID();

function syntheticPerson(before: Date): SyntheticPerson {
  return {
    // The shapes of a keyed SHA-256 hex digest and of the sealer's "v1.<iv>.<tag>.<ciphertext>".
    phoneHash: randomBytes(32).toString('hex'),
    phoneEnc: `v1.${randomBytes(12).toString('base64url')}.${randomBytes(16).toString('base64url')}.${randomBytes(13).toString('base64url')}`,
    serviceUserId: randomUUID(),
    enrolmentId: `enrol:SM${randomBytes(16).toString('hex')}`,
    workerId: workerIds[Math.floor(Math.random() * workerIds.length)] as string,
    enrolledAt: new Date(before.getTime() - year + Math.floor(Math.random() * (year / 2))),
  };
}

const questions = [
  'Q1/4 Overall, how satisfied are you with your life nowadays? Reply 0 (Not at all) to 10 (Completely)',
  'Q2/4 Overall, to what extent do you feel that the things you do in your life are worthwhile? Reply 0 (Not at all) to 10 (Completely)',
  'Q3/4 Overall, how happy did you feel yesterday? Reply 0 (Not at all) to 10 (Completely)',
  'Q4/4 Overall, how anxious did you feel yesterday? Reply 0 (Not at all) to 10 (Completely)',
  "Thank you, that's all the questions for now. I'll check in with you again around Tuesday 12 January.",
];

/** A person's texts alternate question and answer, starting with an invitation: 13 of 25 outbound. */
function* messageDocuments(people: SyntheticPerson[], total: number, outbound: Array<{ id: string; at: Date; providerSid: string }>) {
  for (let n = 0; n < total; n++) {
    const person = people[Math.floor(n / messagesPerPerson)] as SyntheticPerson;
    const step = n % messagesPerPerson;
    const at = new Date(person.enrolledAt.getTime() + step * 3_600_000 + (n % 7) * 1000);
    const inboundSid = `SM${randomBytes(16).toString('hex')}`;
    if (step % 2 === 1) {
      yield { _id: inboundSid, direction: 'in', channel: 'sms', phoneHash: person.phoneHash, phoneEnc: person.phoneEnc, body: String(step % 11), receivedAt: at, status: 'processed', processedAt: new Date(at.getTime() + 150), realAt: at };
      continue;
    }
    const id = `${inboundSid}/m0`;
    const providerSid = `SM${randomBytes(16).toString('hex')}`;
    outbound.push({ id, at, providerSid });
    yield {
      _id: id, direction: 'out', channel: 'sms', phoneHash: person.phoneHash, phoneEnc: person.phoneEnc, body: questions[step % questions.length],
      purpose: step % 5 === 0 ? 'invitation' : 'reply', ...(step % 5 === 0 ? {} : { replyTo: inboundSid }), status: 'sent', attempts: 1,
      nextAttemptAt: at, createdAt: at, sendingSince: new Date(at.getTime() + 10), providerSid, sentAt: new Date(at.getTime() + 90), sentVia: 'sms', realAt: at,
      timeline: [
        { status: 'pending', source: 'outbox', at },
        { status: 'sending', source: 'outbox', at, attempt: 1 },
        { status: 'sent', source: 'outbox', at: new Date(at.getTime() + 90), providerSid, via: 'sms' },
      ],
    };
  }
}

/** Each outbound message's provider report, with ids as the message log makes them (`<message>:<at base 36>:<seq>:<random>`). */
function* eventDocuments(outbound: Array<{ id: string; at: Date; providerSid: string }>) {
  let seq = 0;
  const event = (messageId: string, at: Date, fields: Record<string, unknown>) => ({
    _id: `${messageId}:${at.getTime().toString(36)}:${(seq++).toString(36).padStart(8, '0')}:${Math.random().toString(36).slice(2, 8)}`,
    messageId, at, ...fields,
  });
  for (const { id, at, providerSid } of outbound) {
    yield event(id, new Date(at.getTime() + 4000), { source: 'provider', status: 'delivered', providerStatus: 'delivered', providerSid, errorCode: null });
  }
}

const items = ['life-satisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
const bands = (score: number, item: string) => (item === 'anxiety' ? (score <= 3 ? 'Low' : score <= 5 ? 'Medium' : 'High') : score <= 6 ? 'Medium' : 'High');

/** Five timepoints a person: the first three completed and scored, then one lapsed or still scheduled, then discharge. */
function* assessmentDocuments(people: SyntheticPerson[], total: number) {
  for (let n = 0; n < total; n++) {
    const person = people[Math.floor(n / timepoints.length)] as SyntheticPerson;
    const index = n % timepoints.length;
    const timepointId = timepoints[index] as string;
    const dueAt = new Date(person.enrolledAt.getTime() + (dueAfterDays[index] ?? 0) * 86_400_000);
    const closesAt = new Date(dueAt.getTime() + 7 * 86_400_000);
    const status = index < 3 ? 'completed' : index === 3 ? (n % 2 === 0 ? 'lapsed' : 'scheduled') : 'scheduled';
    const values = items.map((_, i) => (n + i * 3) % 11);
    const answers = status === 'completed'
      ? Object.fromEntries(items.map((item, i) => [item, { raw: String(values[i]), value: values[i], at: new Date(dueAt.getTime() + (i + 1) * 60_000), attempts: 1 }]))
      : {};
    yield {
      _id: `${person.enrolmentId}:${timepointId}`, enrolmentId: person.enrolmentId, serviceUserId: person.serviceUserId, workerId: person.workerId, programmeId,
      measureId: 'ons4', kind: index === 0 ? 'baseline' : index === 4 ? 'discharge' : 'follow-up', timepointId, status, dueAt,
      opensAt: index === 0 ? dueAt : new Date(dueAt.getTime() - 7 * 86_400_000), closesAt, answers,
      ...(status === 'scheduled' ? {} : { openedAt: dueAt, remindersSent: status === 'lapsed' ? 2 : 0 }),
      ...(status === 'lapsed' ? { lapsedAt: closesAt } : {}),
      ...(status === 'completed' ? {
        startedAt: new Date(dueAt.getTime() + 60_000), completedAt: new Date(dueAt.getTime() + 240_000), late: false,
        score: {
          measureId: 'ons4', version: '1', scorable: true, reason: null, answered: 4, missing: [], total: null, prorated: false, converted: null, score: null, band: null, cutoff: null,
          subscales: items.map((item, i) => ({ id: item, label: item, score: values[i], band: bands(values[i] as number, item), positive: null })),
          riskFlags: [], profile: null,
        },
      } : {}),
    };
  }
}
