import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Assessment, CaseStore, Enrolment, SafeguardingAlert, ServiceUser } from '../../app/ports/case-store.js';
import { formatReference } from '../../domain/cases/enrolment.js';
import { insertUnlessPresent, isDuplicateKey, withoutId, withId } from './documents.js';
import { createMongoContactBook } from './mongo-contact-book.js';
import { createMongoReportSource } from './mongo-report-source.js';

const liveStatuses = ['pending-consent', 'active', 'paused', 'consent-lapsed'];

/**
 * The case record on MongoDB. Uniqueness that matters is carried by unique indexes and inserts
 * (FerretDB applies conditional updates as read-then-write): one service-user per phone hash and
 * per reference, one live enrolment per person (a `liveEnrolments` document keyed by the person),
 * one assessment per enrolment and timepoint.
 */
export function createMongoCaseStore(db: Db): CaseStore {
  const serviceUsers = db.collection<Omit<ServiceUser, 'id'> & { _id: string; referenceNumber: number }>('serviceUsers');
  const enrolments = db.collection<Omit<Enrolment, 'id'> & { _id: string }>('enrolments');
  const live = db.collection<{ _id: string; enrolmentId: string }>('liveEnrolments');
  const assessments = db.collection<Omit<Assessment, 'id'> & { _id: string }>('assessments');
  const alerts = db.collection<Omit<SafeguardingAlert, 'id'> & { _id: string }>('alerts');
  // A person's number gets its record when the person is created (mongo-contact-book.ts).
  const contacts = createMongoContactBook(db);

  const store: CaseStore = {
    ...createMongoReportSource(db),
    async serviceUserFor({ phoneHash, phoneEnc, labelEnc, at }) {
      for (let tries = 0; tries < 20; tries++) {
        const existing = await store.serviceUserByPhoneHash(phoneHash);
        if (existing) {
          await contacts.identify({ phoneHash, phoneEnc: existing.phoneEnc, serviceUserId: existing.id });
          return existing;
        }
        const last = await serviceUsers.find({}, { projection: { referenceNumber: 1 } }).sort({ referenceNumber: -1 }).limit(1).next();
        const referenceNumber = (last?.referenceNumber ?? 0) + 1;
        const doc = { _id: randomUUID(), reference: formatReference(referenceNumber), referenceNumber, phoneHash, phoneEnc, ...(labelEnc ? { labelEnc } : {}), createdAt: at };
        try {
          await serviceUsers.insertOne(doc);
          await contacts.identify({ phoneHash, phoneEnc, serviceUserId: doc._id });
          return withId(doc);
        } catch (error) {
          // Someone else took this number or this reference first: look again.
          if (!isDuplicateKey(error)) throw error;
        }
      }
      throw new Error('could not allocate a service-user reference');
    },
    async serviceUserByPhoneHash(phoneHash) {
      const doc = await serviceUsers.findOne({ phoneHash });
      return doc ? withId(doc) : null;
    },
    async serviceUserByReference(reference) {
      const doc = await serviceUsers.findOne({ reference });
      return doc ? withId(doc) : null;
    },
    async liveEnrolment(serviceUserId) {
      const marker = await live.findOne({ _id: serviceUserId });
      return marker ? store.enrolment(marker.enrolmentId) : null;
    },
    async startEnrolment(enrolment) {
      try {
        await live.insertOne({ _id: enrolment.serviceUserId, enrolmentId: enrolment.id });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const existing = await store.liveEnrolment(enrolment.serviceUserId);
        if (existing) return { started: false, existing };
        throw new Error('a live enrolment marker points at a missing enrolment');
      }
      await enrolments.insertOne({ _id: enrolment.id, ...withoutId(enrolment) });
      return { started: true };
    },
    async updateEnrolment(id, update, at) {
      await enrolments.updateOne({ _id: id }, { $set: { ...update, updatedAt: at } });
      if (update.status && !liveStatuses.includes(update.status)) await live.deleteOne({ enrolmentId: id });
    },
    async reinstateEnrolment({ id, serviceUserId }, status, at) {
      // The marker first: it is what makes this the person's one live enrolment (see startEnrolment).
      const claimed = await insertUnlessPresent(() => live.insertOne({ _id: serviceUserId, enrolmentId: id }));
      if (claimed === 'present' && (await live.findOne({ _id: serviceUserId }))?.enrolmentId !== id) return false;
      await enrolments.updateOne({ _id: id }, { $set: { status, optedOut: null, updatedAt: at } });
      return true;
    },
    async enrolment(id) {
      const doc = await enrolments.findOne({ _id: id });
      return doc ? withId(doc) : null;
    },
    async enrolmentsOfWorker(workerId) {
      return (await enrolments.find({ workerId }).sort({ createdAt: 1 }).toArray()).map(withId);
    },
    async enrolmentsOf(serviceUserId) {
      return (await enrolments.find({ serviceUserId }).sort({ createdAt: 1 }).toArray()).map(withId);
    },
    // Plain updateMany with $set: the same on MongoDB and FerretDB (no transaction), and harmless to repeat.
    async moveEnrolments(enrolmentIds, workerId, at) {
      if (enrolmentIds.length > 0) await enrolments.updateMany({ _id: { $in: [...enrolmentIds] } }, { $set: { workerId, updatedAt: at } });
    },
    async moveAssessmentsToCome(enrolmentIds, workerId) {
      if (enrolmentIds.length === 0) return;
      await assessments.updateMany({ enrolmentId: { $in: [...enrolmentIds] }, status: { $in: ['scheduled', 'open', 'in-progress'] } }, { $set: { workerId } });
    },
    async moveOpenAlerts(enrolmentIds, workerId) {
      if (enrolmentIds.length === 0) return;
      await alerts.updateMany({ enrolmentId: { $in: [...enrolmentIds] }, acknowledgedAt: { $exists: false } }, { $set: { workerId } });
    },

    async addAssessment(assessment) {
      try {
        await assessments.insertOne({ _id: assessment.id, ...withoutId(assessment) });
        return 'added';
      } catch (error) {
        if (isDuplicateKey(error)) return 'duplicate';
        throw error;
      }
    },
    async assessment(id) {
      const doc = await assessments.findOne({ _id: id });
      return doc ? withId(doc) : null;
    },
    async assessmentsOf(enrolmentId) {
      return (await assessments.find({ enrolmentId }).sort({ dueAt: 1 }).toArray()).map(withId);
    },
    async assessmentsOfEnrolments(enrolmentIds) {
      if (enrolmentIds.length === 0) return [];
      const docs = await assessments.find({ enrolmentId: { $in: [...enrolmentIds] } }, { projection: { answers: 0 } }).sort({ dueAt: 1 }).toArray();
      return docs.map(withId);
    },
    async updateAssessment(id, update) {
      await assessments.updateOne({ _id: id }, { $set: update });
    },
    async openAlert(alert) {
      // A replayed turn raises its alert again under the same id: the first one stands.
      await insertUnlessPresent(() => alerts.insertOne({ _id: alert.id, ...withoutId(alert) }));
    },
    async openAlerts(filter) {
      const query = { acknowledgedAt: { $exists: false }, ...(filter.serviceUserId ? { serviceUserId: filter.serviceUserId } : {}), ...(filter.workerId ? { workerId: filter.workerId } : {}) };
      return (await alerts.find(query).sort({ openedAt: 1 }).toArray()).map(withId);
    },
    async alert(id) {
      const doc = await alerts.findOne({ _id: id });
      return doc ? withId(doc) : null;
    },
    async markAlertEscalated(id, at) {
      await alerts.updateOne({ _id: id }, { $set: { escalatedAt: at } });
    },
    async acknowledgeAlerts(serviceUserId, by, at) {
      const result = await alerts.updateMany({ serviceUserId, acknowledgedAt: { $exists: false } }, { $set: { acknowledgedAt: at, acknowledgedBy: by } });
      return result.modifiedCount;
    },
  };
  return store;
}

