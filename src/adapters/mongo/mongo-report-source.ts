import type { Db } from 'mongodb';
import type { CaseloadAssessment, ReportSource } from '../../app/ports/report-source.js';
import type { AssessmentRecord, Period } from '../../domain/analytics/analytics-records.js';

type AssessmentDoc = { _id: string } & Omit<AssessmentRecord, 'completedAt' | 'late'> & { completedAt?: Date; late?: boolean };
interface EnrolmentDoc { _id: string; workerId: string; reference: string; status: string; createdAt: Date; programmeId?: string }
interface AlertDoc { _id: string; openedAt: Date; acknowledgedAt?: Date }
interface StaffDoc { _id: string; name: string }

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
