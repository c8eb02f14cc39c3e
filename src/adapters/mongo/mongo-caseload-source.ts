import type { Db } from 'mongodb';
import type { CaseloadEnrolment, CaseloadSource, CaseloadTimepoint } from '../../app/ports/caseload-source.js';

const liveStatuses = ['pending-consent', 'consent-lapsed', 'active', 'paused'];

/** Projected reads only: FerretDB scans these collections, so what crosses the wire is kept small. */
export function createMongoCaseloadSource(db: Db): CaseloadSource {
  const enrolments = db.collection<Omit<CaseloadEnrolment, 'id'> & { _id: string }>('enrolments');
  const assessments = db.collection<CaseloadTimepoint & { _id: string; workerId: string }>('assessments');
  const serviceUsers = db.collection<{ _id: string; labelEnc?: string }>('serviceUsers');
  const contacts = db.collection<{ _id: string; lastInboundAt?: Record<string, Date> }>('contacts');
  return {
    async liveEnrolments({ workerId }) {
      const docs = await enrolments
        .find({ status: { $in: liveStatuses as CaseloadEnrolment['status'][] }, ...(workerId ? { workerId } : {}) }, {
          projection: { serviceUserId: 1, reference: 1, workerId: 1, programmeId: 1, status: 1, phoneHash: 1, createdAt: 1 },
        })
        .toArray();
      return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
    },
    async timepointsToCome({ workerId }) {
      return assessments
        .find({ status: { $in: ['scheduled', 'open', 'in-progress'] }, ...(workerId ? { workerId } : {}) }, {
          projection: { _id: 0, enrolmentId: 1, timepointId: 1, status: 1, dueAt: 1, closesAt: 1 },
        })
        .toArray();
    },
    async labels(ids) {
      if (ids.length === 0) return new Map();
      // One read by _id each (a page is at most 50): FerretDB's SQLite backend uses its index for an
      // _id equality but scans the whole collection for $in (measured: 105 ms for 2,000 people).
      const docs = await Promise.all([...new Set(ids)].map((id) => serviceUsers.findOne({ _id: id }, { projection: { labelEnc: 1 } })));
      return new Map(docs.flatMap((doc) => (doc?.labelEnc ? [[doc._id, doc.labelEnc] as const] : [])));
    },
    async lastReplies(hashes) {
      if (hashes.length === 0) return new Map();
      // By _id one at a time, as labels: contacts hold whole conversations, and a scan of them for
      // $in took 2 s with 2,000 people. Sorting by last reply still reads one per person listed.
      const docs = await Promise.all([...new Set(hashes)].map((hash) => contacts.findOne({ _id: hash }, { projection: { lastInboundAt: 1 } })));
      const latest = new Map<string, Date>();
      for (const doc of docs) {
        if (!doc) continue;
        const times = Object.values(doc.lastInboundAt ?? {}).map((at) => new Date(at).getTime()).filter(Number.isFinite);
        if (times.length > 0) latest.set(doc._id, new Date(Math.max(...times)));
      }
      return latest;
    },
  };
}
