import type { Db, Document, Filter } from 'mongodb';
import type { AuditEntry } from '../../app/ports/audit-log.js';
import type { Assessment, Conversation, Enrolment, SafeguardingAlert, ServiceUser } from '../../app/ports/case-store.js';
import type { HeldMessage, PrivacyStore } from '../../app/ports/privacy-store.js';
import { statusRank, type MessageStatus } from '../../domain/messaging/message-status.js';
import { withId } from './documents.js';
import { createMongoAuditTrail } from './mongo-audit-trail.js';

type Doc = Document & { _id: string };

/** Statuses after which an enrolment is over (consent-lapsed is not: a late YES still starts it). */
const closedStatuses = ['declined', 'completed', 'withdrawn', 'discharged'];
/** Texts still on their way (or a turn still to run) are not the retention job's to blank. */
const unsettled = ['pending', 'sending', 'received'];

/**
 * Subject access, erasure and retention over the collections that hold a person's data: serviceUsers,
 * enrolments, liveEnrolments, assessments, alerts, contacts, messages, messageArchive, messageEvents
 * (statuses only, by message id), dueItems and dueClaims, numberHealth, strangerReplies, auditLog
 * (read only, sealed first: entries hold no personal data). suppressions is left alone on purpose: a number that
 * said STOP stays suppressed after its owner is erased.
 *
 * Idempotent writes only (no transaction on FerretDB): an erasure interrupted part-way is finished
 * by running it again, because the person's own record, which the rest is found from, is changed last.
 */
export function createMongoPrivacyStore(db: Db): PrivacyStore {
  const c = (name: string) => db.collection<Doc>(name);
  const serviceUsers = c('serviceUsers');
  const enrolments = c('enrolments');
  const live = c('liveEnrolments');
  const assessments = c('assessments');
  const alerts = c('alerts');
  const contacts = c('contacts');
  const suppressions = c('suppressions');
  const messages = c('messages');
  const archive = c('messageArchive');
  const events = c('messageEvents');
  const due = c('dueItems');
  const claims = c('dueClaims');
  const numberHealth = c('numberHealth');
  const strangers = c('strangerReplies');
  const audit = c('auditLog');
  const trail = createMongoAuditTrail(db);
  const logs = [messages, archive] as const;

  const casesOf = async (serviceUserId: string) => {
    const [e, a, al] = await Promise.all([
      enrolments.find({ serviceUserId }).sort({ createdAt: 1 }).toArray(),
      assessments.find({ serviceUserId }).sort({ dueAt: 1 }).toArray(),
      alerts.find({ serviceUserId }).sort({ openedAt: 1 }).toArray(),
    ]);
    return { enrolments: e, assessments: a, alerts: al };
  };

  return {
    async holdings(person) {
      const { enrolments: e, assessments: a, alerts: al } = await casesOf(person.id);
      const known = !isErasedHash(person.phoneHash);
      const [contact, suppressed, inbox, archived] = await Promise.all([
        known ? contacts.findOne({ _id: person.phoneHash }) : null,
        known ? suppressions.countDocuments({ _id: person.phoneHash }, { limit: 1 }) : 0,
        known ? messages.find({ phoneHash: person.phoneHash }).toArray() : [],
        known ? archive.find({ phoneHash: person.phoneHash }).toArray() : [],
      ]);
      const docs = [...inbox, ...archived];
      const found = docs.length === 0 ? [] : await events.find({ messageId: { $in: docs.map((d) => d._id) } }).sort({ _id: 1 }).toArray();
      const subjects = [person.reference, person.id, ...[...e, ...a, ...al].map((d) => d._id)];
      // Entries wait in auditInbox until the sealer links them into the chain: seal first, as audit list does.
      await trail.seal();
      const entries = await audit.find({ $or: [{ subject: { $in: subjects } }, { 'details.reference': person.reference }] }).sort({ at: 1 }).toArray();
      const conversation = contact?.conversation as Omit<Conversation, 'phoneHash'> | undefined;
      return {
        serviceUser: person,
        enrolments: e.map((d) => withId(d) as unknown as Enrolment),
        assessments: a.map((d) => withId(d) as unknown as Assessment),
        alerts: al.map((d) => withId(d) as unknown as SafeguardingAlert),
        messages: docs.map((d) => heldMessage(d, found.filter((event) => event.messageId === d._id))).sort((x, y) => x.at.getTime() - y.at.getTime()),
        // A sealed entry's _id is its place in the chain; the id it was recorded with is entryId.
        audit: entries.map(({ entryId, prevHash: _prev, hash: _hash, ...d }) => ({ ...withId(d), id: entryId ?? d._id }) as unknown as AuditEntry),
        conversation: conversation ? { phoneHash: person.phoneHash, ...conversation } : null,
        suppressed: suppressed > 0,
      };
    },

    async erase(person, { removeScores, at }) {
      const { enrolments: e, assessments: a, alerts: al } = await casesOf(person.id);
      const subjects = [...e, ...a, ...al].map((d) => d._id);
      // Due work first, so nothing about them can fall due while the rest goes.
      const items = subjects.length === 0 ? [] : await due.find({ subject: { $in: subjects } }, { projection: { _id: 1 } }).toArray();
      if (items.length > 0) {
        await due.deleteMany({ _id: { $in: items.map((i) => i._id) } });
        await claims.deleteMany({ item: { $in: items.map((i) => i._id) } });
      }
      let erasedMessages = 0;
      if (!isErasedHash(person.phoneHash)) {
        const hash = person.phoneHash;
        // Twice over the working set: a message the archiver copied while the first pass ran is caught in the archive or the second pass.
        for (const log of [...logs, messages]) {
          await log.updateMany({ phoneHash: hash, direction: 'out', status: { $in: ['pending', 'sending'] } }, { $set: { status: 'refused', error: 'erased' } });
          await log.updateMany({ phoneHash: hash, direction: 'in', status: 'received' }, { $set: { status: 'processed', processedAt: at } });
          const result = await log.updateMany({ phoneHash: hash }, { $unset: { body: '', phoneEnc: '', phoneHash: '', templateVariables: '' }, $set: { erasedAt: at } });
          erasedMessages += result.modifiedCount;
        }
        // The number's record goes (who it is, its conversation and committed turns): from now on it is a stranger's.
        await contacts.deleteOne({ _id: hash });
        await numberHealth.deleteOne({ _id: hash });
        await strangers.deleteMany({ _id: { $regex: `^${escapeRegex(hash)}:` } });
      }
      // Raw answer texts go; the values and scores stay (aggregates unchanged) unless asked otherwise.
      for (const doc of a) {
        const answers = doc.answers as Assessment['answers'] | undefined;
        const left = removeScores ? {} : Object.fromEntries(Object.entries(answers ?? {}).map(([item, answer]) => [item, { ...answer, raw: '' }]));
        await assessments.updateOne({ _id: doc._id }, {
          $set: { answers: left, erasedAt: at, ...(['scheduled', 'open', 'in-progress'].includes(doc.status as string) ? { status: 'cancelled' } : {}) },
          ...(removeScores ? { $unset: { score: '', scores: '', measureAnswers: '' } } : {}),
        });
      }
      const liveOnes = e.filter((doc) => !closedStatuses.includes(doc.status as string));
      if (liveOnes.length > 0) await enrolments.updateMany({ _id: { $in: liveOnes.map((d) => d._id) } }, { $set: { status: 'withdrawn', updatedAt: at } });
      await enrolments.updateMany({ serviceUserId: person.id }, { $unset: { phoneHash: '' }, $set: { erasedAt: at } });
      await live.deleteOne({ _id: person.id });
      // Last: the person's own record is what the rest was found from. The unique index on phoneHash
      // needs a value per person, so it becomes a placeholder that is nobody's number.
      await serviceUsers.updateOne({ _id: person.id }, { $set: { phoneHash: erasedHash(person.id), phoneEnc: '', erasedAt: at }, $unset: { labelEnc: '' } });
      return { messages: erasedMessages, assessments: a.length, dueItems: items.length, enrolments: e.length };
    },

    async blankMessagesBefore(before, limit, dryRun) {
      const filter: Filter<Doc> = {
        body: { $exists: true }, status: { $nin: unsettled },
        $or: [{ direction: 'in', receivedAt: { $lt: before } }, { direction: 'out', createdAt: { $lt: before } }],
      };
      if (dryRun) return (await Promise.all(logs.map((log) => log.countDocuments(filter)))).reduce((x, y) => x + y, 0);
      let blanked = 0;
      for (const log of logs) {
        if (blanked >= limit) break;
        const ids = (await log.find(filter, { projection: { _id: 1 } }).limit(limit - blanked).toArray()).map((d) => d._id);
        if (ids.length === 0) continue;
        await log.updateMany({ _id: { $in: ids } }, { $unset: { body: '', templateVariables: '' }, $set: { textRemovedAt: new Date() } });
        blanked += ids.length;
      }
      return blanked;
    },

    async numbersWithTurnsBefore(before, limit) {
      return (await contacts.find({ 'conversation.lastTurn.at': { $lt: before } }, { projection: { _id: 1 } }).limit(limit).toArray()).map((d) => d._id);
    },
    async countTurnsBefore(before) {
      return contacts.countDocuments({ 'conversation.lastTurn.at': { $lt: before } });
    },
    async dropTurnBefore(phoneHash, before) {
      // Its key stays in recentTurns, so a replay of that message is still known as done.
      const result = await contacts.updateOne({ _id: phoneHash, 'conversation.lastTurn.at': { $lt: before } }, { $unset: { 'conversation.lastTurn': '' } });
      return result.modifiedCount === 1;
    },

    async closedPeopleBefore(before, limit) {
      const people: ServiceUser[] = [];
      let after = '';
      // Candidate enrolments by _id in pages; each page's people are checked together (three reads,
      // not three per person: every filter but _id scans on FerretDB).
      for (;;) {
        const page = await enrolments.find({ _id: { $gt: after }, status: { $in: closedStatuses }, updatedAt: { $lt: before }, erasedAt: { $exists: false } }, { projection: { serviceUserId: 1 } })
          .sort({ _id: 1 }).limit(limit).toArray();
        const ids = [...new Set(page.map((doc) => doc.serviceUserId as string))].filter((id) => !people.some((p) => p.id === id));
        if (ids.length > 0) {
          const [liveOnes, theirs, persons] = await Promise.all([
            live.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray(),
            enrolments.find({ serviceUserId: { $in: ids } }, { projection: { serviceUserId: 1, status: 1, updatedAt: 1 } }).toArray(),
            serviceUsers.find({ _id: { $in: ids }, erasedAt: { $exists: false } }).toArray(),
          ]);
          const keep = new Set(liveOnes.map((d) => d._id));
          for (const e of theirs) if (!closedStatuses.includes(e.status as string) || (e.updatedAt as Date) >= before) keep.add(e.serviceUserId as string);
          for (const person of persons) {
            if (keep.has(person._id)) continue;
            people.push(withId(person) as unknown as ServiceUser);
            if (people.length >= limit) return people;
          }
        }
        if (page.length < limit) return people;
        after = (page[page.length - 1] as Doc)._id;
      }
    },

    async forgetStrangersBefore(before, limit, dryRun) {
      if (dryRun) return strangers.countDocuments({ at: { $lt: before } });
      const ids = (await strangers.find({ at: { $lt: before } }, { projection: { _id: 1 } }).limit(limit).toArray()).map((d) => d._id);
      if (ids.length > 0) await strangers.deleteMany({ _id: { $in: ids } });
      return ids.length;
    },
  };
}

/** The placeholder an erased person's phoneHash becomes: unique, and nobody's number. */
export function erasedHash(serviceUserId: string): string {
  return `erased:${serviceUserId}`;
}

export function isErasedHash(phoneHash: string): boolean {
  return phoneHash.startsWith('erased:');
}

function heldMessage(doc: Doc, found: Doc[]): HeldMessage {
  const timeline = (doc.timeline as Array<{ status: string; source: string; at: Date }> | undefined) ?? [];
  const steps = [...timeline, ...found.map((e) => ({ status: e.status as string, source: e.source as string, at: e.at as Date }))]
    .map(({ status, source, at }) => ({ status, source, at }))
    .sort((x, y) => x.at.getTime() - y.at.getTime());
  return {
    id: doc._id,
    direction: doc.direction as 'in' | 'out',
    channel: doc.channel as string,
    body: typeof doc.body === 'string' ? doc.body : null,
    ...(doc.purpose ? { purpose: doc.purpose as string } : {}),
    status: found.reduce((best, e) => (rank(e.status) > rank(best) ? (e.status as string) : best), doc.status as string),
    at: (doc.receivedAt ?? doc.createdAt) as Date,
    events: steps,
  };
}

function rank(status: unknown): number {
  return statusRank[status as MessageStatus] ?? -1;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
