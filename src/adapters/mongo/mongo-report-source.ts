import type { Db } from 'mongodb';
import type { CaseloadAssessment, CompletedAssessmentFilter, ReportSource } from '../../app/ports/report-source.js';
import type { AssessmentRecord, Period } from '../../domain/analytics/analytics-records.js';
import { completedAssessmentOf, type CompletedAssessmentDoc } from './completed-assessment-of.js';

type AssessmentDoc = { _id: string } & Omit<AssessmentRecord, 'completedAt' | 'late'> & { completedAt?: Date; late?: boolean };
interface EnrolmentDoc { _id: string; workerId: string; reference: string; status: string; createdAt: Date; programmeId: string; planVersion?: number }
interface AlertDoc { _id: string; openedAt: Date; acknowledgedAt?: Date }
interface StaffDoc { _id: string; name: string; team: string }
interface ServiceUserDoc { _id: string; reference: string }

// What an outcome report or an export reads of an assessment: never the phone, never the typed text (dropped in completedAssessmentOf).
const completedFields = {
  enrolmentId: 1, serviceUserId: 1, workerId: 1, programmeId: 1, kind: 1, timepointId: 1, dueAt: 1, completedAt: 1, late: 1,
  measureId: 1, measureIds: 1, answers: 1, score: 1, measureAnswers: 1, scores: 1,
} as const;

const assessmentFields = { enrolmentId: 1, workerId: 1, programmeId: 1, kind: 1, status: 1, dueAt: 1, closesAt: 1, completedAt: 1, late: 1 } as const;

/**
 * Reports over the case collections with plain find(): date-range filters and projections only,
 * which FerretDB 1.24 serves as well as MongoDB (no $lookup, $facet or $cond). References are
 * joined in memory from one `$in` query, since a worker's week holds a handful of people.
 */
export function createMongoReportSource(db: Db): ReportSource {
  const assessments = db.collection<AssessmentDoc>('assessments');
  const enrolments = db.collection<EnrolmentDoc>('enrolments');
  const alerts = db.collection<AlertDoc>('alerts');
  const staff = db.collection<StaffDoc>('staff');

  return {
    async assessmentsIn(range) {
      const docs = await assessments
        .find({ $or: [{ closesAt: within(range) }, { completedAt: within(range) }] }, { projection: assessmentFields })
        .toArray();
      return docs.map(toRecord);
    },
    async enrolmentsIn(range) {
      const docs = await enrolments.find({ createdAt: within(range) }, { projection: { workerId: 1, status: 1, createdAt: 1, programmeId: 1 } }).toArray();
      return docs.map((doc) => ({ id: doc._id, workerId: doc.workerId, enrolledAt: doc.createdAt, status: doc.status, ...(doc.programmeId ? { programmeId: doc.programmeId } : {}) }));
    },
    async alertsOpenAt(instant) {
      const docs = await alerts
        .find({ openedAt: { $lt: instant }, $or: [{ acknowledgedAt: { $exists: false } }, { acknowledgedAt: { $gte: instant } }] }, { projection: { openedAt: 1, acknowledgedAt: 1 } })
        .toArray();
      return docs.map((doc) => ({ openedAt: doc.openedAt, ...(doc.acknowledgedAt ? { acknowledgedAt: doc.acknowledgedAt } : {}) }));
    },
    async staffNames(ids) {
      if (ids.length === 0) return new Map();
      const docs = await staff.find({ _id: { $in: [...ids] } }, { projection: { name: 1 } }).toArray();
      return new Map(docs.map((doc) => [doc._id, doc.name]));
    },
    async caseloadAssessments(workerId, filter) {
      const dates = 'closesIn' in filter ? { closesAt: within(filter.closesIn) } : { dueAt: within(filter.dueIn) };
      const docs = await assessments.find({ workerId, ...dates }, { projection: assessmentFields }).toArray();
      if (docs.length === 0) return [];
      const enrolmentIds = [...new Set(docs.map((doc) => doc.enrolmentId))];
      const references = new Map(
        (await enrolments.find({ _id: { $in: enrolmentIds } }, { projection: { reference: 1 } }).toArray()).map((doc) => [doc._id, doc.reference]),
      );
      return docs.map((doc): CaseloadAssessment => ({ ...toRecord(doc), reference: references.get(doc.enrolmentId) ?? 'unknown' }));
    },
    async *completedAssessments(filter) {
      // One cursor in batches: the driver holds one batch at a time, whatever the range holds.
      const cursor = db.collection<CompletedAssessmentDoc>('assessments').find(completedFilter(filter), { projection: completedFields, batchSize: 1000 });
      try {
        for await (const doc of cursor) yield completedAssessmentOf(doc);
      } finally {
        await cursor.close();
      }
    },
    async enrolmentPlansIn(range, programmeId) {
      const docs = await enrolments
        .find({ createdAt: within(range), ...(programmeId ? { programmeId } : {}) }, { projection: { programmeId: 1, planVersion: 1 } })
        .toArray();
      return docs.map((doc) => ({ id: doc._id, programmeId: doc.programmeId, ...(doc.planVersion === undefined ? {} : { planVersion: doc.planVersion }) }));
    },
    async staffProfiles() {
      const docs = await staff.find({}, { projection: { name: 1, team: 1 } }).toArray();
      return new Map(docs.map((doc) => [doc._id, { name: doc.name, team: doc.team }]));
    },
    async serviceUserReferences() {
      const docs = await db.collection<ServiceUserDoc>('serviceUsers').find({}, { projection: { reference: 1 } }).toArray();
      return new Map(docs.map((doc) => [doc._id, doc.reference]));
    },
    async countPeople(filter) {
      return (await db.collection<CompletedAssessmentDoc>('assessments').distinct('serviceUserId', completedFilter(filter))).length;
    },
  };
}

function completedFilter(filter: CompletedAssessmentFilter): Record<string, unknown> {
  return {
    status: 'completed',
    completedAt: filter.completedBefore ? { $gte: filter.completedFrom, $lt: filter.completedBefore } : { $gte: filter.completedFrom },
    kind: { $in: [...filter.kinds] },
    ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
  };
}

function within(range: Period): { $gte: Date; $lt: Date } {
  return { $gte: range.start, $lt: range.end };
}

function toRecord(doc: AssessmentDoc): AssessmentRecord {
  return {
    enrolmentId: doc.enrolmentId,
    workerId: doc.workerId,
    ...(doc.programmeId ? { programmeId: doc.programmeId } : {}),
    kind: doc.kind,
    status: doc.status,
    dueAt: doc.dueAt,
    closesAt: doc.closesAt,
    ...(doc.completedAt ? { completedAt: doc.completedAt } : {}),
    ...(doc.late === undefined ? {} : { late: doc.late }),
  };
}
