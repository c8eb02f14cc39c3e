import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { createMongoCaseStore } from '../../../src/adapters/mongo/mongo-case-store.js';
import { createMongoStaffDirectory } from '../../../src/adapters/mongo/mongo-staff-directory.js';
import type { Assessment, CaseStore, Enrolment } from '../../../src/app/ports/case-store.js';
import type { StaffDirectory, StaffMember } from '../../../src/app/ports/staff-directory.js';

export interface CaseSeeder {
  cases: CaseStore;
  staff: StaffDirectory;
  addStaff(name: string, role: StaffMember['role']): Promise<StaffMember>;
  /** A new service-user (next SU reference) enrolled with `worker` at `createdAt`. */
  enrol(worker: StaffMember, createdAt: string): Promise<Enrolment>;
  assess(enrolment: Enrolment, fields: AssessmentFields): Promise<Assessment>;
  alert(enrolment: Enrolment, openedAt: string, acknowledgedAt?: string): Promise<void>;
}

export interface AssessmentFields {
  kind?: Assessment['kind'];
  status: Assessment['status'];
  closesAt: string;
  dueAt?: string;
  completedAt?: string;
  late?: boolean;
}

/** Writes case records through the real Mongo adapters, as the conversation would have left them. */
export function caseSeeder(db: Db): CaseSeeder {
  const cases = createMongoCaseStore(db);
  const staff = createMongoStaffDirectory(db);
  let people = 0;
  return {
    cases,
    staff,
    async addStaff(name, role) {
      const id = randomUUID();
      const member: StaffMember = { id, name, role, team: 'main', phoneHash: `staff-${id}`, phoneEnc: 'enc', createdAt: new Date('2026-01-05T09:00:00Z') };
      await staff.add(member);
      return member;
    },
    async enrol(worker, createdAt) {
      people += 1;
      const at = new Date(createdAt);
      const person = await cases.serviceUserFor({ phoneHash: `person-${people}`, phoneEnc: 'enc', at });
      const enrolment: Enrolment = {
        id: randomUUID(), serviceUserId: person.id, reference: person.reference, workerId: worker.id, programmeId: 'wellbeing',
        channel: 'sms', status: 'active', createdAt: at, updatedAt: at,
      };
      await cases.startEnrolment(enrolment);
      return enrolment;
    },
    async assess(enrolment, fields) {
      const closesAt = new Date(fields.closesAt);
      const dueAt = fields.dueAt ? new Date(fields.dueAt) : new Date(closesAt.getTime() - 7 * 86_400_000);
      const kind = fields.kind ?? 'follow-up';
      const assessment: Assessment = {
        id: randomUUID(), enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId,
        programmeId: enrolment.programmeId, measureId: 'ons4', kind, timepointId: kind === 'follow-up' ? `fu-${randomUUID().slice(0, 8)}` : kind,
        status: fields.status, dueAt, opensAt: new Date(dueAt.getTime() - 3 * 86_400_000), closesAt, answers: {},
        ...(fields.completedAt ? { completedAt: new Date(fields.completedAt) } : {}),
        ...(fields.late === undefined ? {} : { late: fields.late }),
      };
      if ((await cases.addAssessment(assessment)) !== 'added') throw new Error('assessment not added');
      return assessment;
    },
    async alert(enrolment, openedAt, acknowledgedAt) {
      await cases.openAlert({
        id: randomUUID(), enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, reference: enrolment.reference,
        workerId: enrolment.workerId, assessmentId: 'a', itemId: 'i', openedAt: new Date(openedAt),
      });
      if (acknowledgedAt) await cases.acknowledgeAlerts(enrolment.serviceUserId, 'test', new Date(acknowledgedAt));
    },
  };
}
