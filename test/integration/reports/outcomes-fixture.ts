import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import type { Db } from 'mongodb';
import { createExportPseudonyms } from '../../../src/adapters/crypto/export-pseudonyms.js';
import { createPhoneProtector } from '../../../src/adapters/crypto/phone-protector.js';
import { createSealer } from '../../../src/adapters/crypto/sealer.js';
import { ensureIndexes } from '../../../src/adapters/mongo/ensure-indexes.js';
import { createMongoApiTokens } from '../../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoAuditLog } from '../../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoCaseStore } from '../../../src/adapters/mongo/mongo-case-store.js';
import { createMongoProgrammeCatalogue } from '../../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoReportSource } from '../../../src/adapters/mongo/mongo-report-source.js';
import { createMongoStaffDirectory } from '../../../src/adapters/mongo/mongo-staff-directory.js';
import type { Assessment, Enrolment } from '../../../src/app/ports/case-store.js';
import type { Programme } from '../../../src/app/ports/programme-catalogue.js';
import type { StaffMember, StaffRole } from '../../../src/app/ports/staff-directory.js';
import { commissioningApi, type CommissioningApiDeps } from '../../../src/http/commissioning-api.js';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';
import { scoreMeasure } from '../../../src/domain/measures/score-measure.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

export const measures = loadMeasures();
export const key = randomBytes(32);
const phones = createPhoneProtector(key);
const labels = createSealer(key, 'promptly label encryption v1');

export type Values = Record<string, number | null>;

/** One person: programme, answers per measure at baseline and at each follow-up (in order of completion). */
export interface PersonSpec {
  programme: Programme;
  phone: string;
  label: string;
  enrolledAt: string;
  baseline?: { at: string; answers: Record<string, Values> };
  followUps?: Array<{ at: string; answers: Record<string, Values>; late?: boolean }>;
}

export interface OutcomesRig {
  database: TestDatabase;
  deps: CommissioningApiDeps;
  url(path: string): string;
  tokens: Record<StaffRole | 'adminToken', string>;
  staff: Record<StaffRole, StaffMember>;
  programme(slug: string, measureIds: string[]): Promise<Programme>;
  person(spec: PersonSpec): Promise<{ enrolment: Enrolment; assessments: Assessment[] }>;
  close(): Promise<void>;
}

/** A real FerretDB database, the real Mongo adapters and the commissioning API on an ephemeral port. */
export async function openOutcomesRig(): Promise<OutcomesRig> {
  const database = await openTestDatabase();
  await ensureIndexes(database.db);
  const staffDirectory = createMongoStaffDirectory(database.db);
  const programmes = createMongoProgrammeCatalogue(database.db);
  const apiTokens = createMongoApiTokens(database.db);
  const now = new Date('2026-07-01T09:00:00Z');
  const staff = {} as Record<StaffRole, StaffMember>;
  const tokens = { adminToken: 'admin-token-for-the-outcomes-test' } as Record<StaffRole | 'adminToken', string>;
  for (const [index, [role, name, team]] of ([['worker', 'Wendy Worker', 'north'], ['manager', 'Maya Manager', 'main'], ['admin', 'Adam Admin', 'main'], ['analyst', 'Ana Analyst', 'main']] as const).entries()) {
    const member: StaffMember = { id: randomUUID(), name, role, team, phoneHash: phones.hash(`+44770090010${index}`), phoneEnc: 'enc', createdAt: now };
    await staffDirectory.add(member);
    staff[role] = member;
    tokens[role] = await apiTokens.issue(member.id, new Date()) // tokens keep real time;
  }
  const deps: CommissioningApiDeps = {
    adminToken: tokens.adminToken, tokens: apiTokens, staff: staffDirectory, source: createMongoReportSource(database.db), programmes, measures,
    audit: createMongoAuditLog(database.db), pseudonyms: createExportPseudonyms(key), clock: { now: () => now }, org: { timezone: 'Europe/London' },
  };
  const app = express();
  app.use('/api', commissioningApi(deps));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  return {
    database,
    deps,
    tokens,
    staff,
    url: (path) => `http://127.0.0.1:${(server.address() as { port: number }).port}${path}`,
    ...outcomeSeeder(database.db, staff.worker, now),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

/** Programmes and people with their answers written straight to a database, as the conversation would store them. */
export function outcomeSeeder(db: Db, worker: StaffMember, now: Date): Pick<OutcomesRig, 'programme' | 'person'> {
  const cases = createMongoCaseStore(db);
  const programmes = createMongoProgrammeCatalogue(db);
  return {
  async programme(slug: string, measureIds: string[]) {
    const programme: Programme = {
      id: randomUUID(), slug, name: slug, measureId: measureIds[0] as string, questionnaire: { measures: measureIds, at: {} },
      plan: { followUps: [{ id: '6w', offsetDays: 42, windowBeforeDays: 3, windowAfterDays: 7 }, { id: '12w', offsetDays: 84, windowBeforeDays: 3, windowAfterDays: 7 }], discharge: { offsetDays: 0, windowAfterDays: 14 }, reminders: { afterDays: [2, 5] }, consentReminders: { afterDays: [2, 5] } },
      planVersion: 1, isDefault: false, progressMessages: false, createdAt: now,
    };
    await programmes.add(programme);
    return programme;
  },
  async person(spec: PersonSpec) {
    const at = new Date(spec.enrolledAt);
    const person = await cases.serviceUserFor({ phoneHash: phones.hash(spec.phone), phoneEnc: phones.encrypt(spec.phone), labelEnc: labels.seal(spec.label), at });
    const enrolment: Enrolment = {
      id: randomUUID(), serviceUserId: person.id, reference: person.reference, workerId: worker.id, programmeId: spec.programme.id,
      channel: 'sms', status: 'active', planVersion: 1, phoneHash: phones.hash(spec.phone), createdAt: at, updatedAt: at,
    };
    await cases.startEnrolment(enrolment);
    const measureIds = spec.programme.questionnaire?.measures ?? [spec.programme.measureId];
    const assessments: Assessment[] = [];
    const timepoints = [
      { kind: 'baseline' as const, timepointId: 'baseline', done: spec.baseline, late: false },
      ...(spec.followUps ?? []).map((followUp, index) => ({ kind: 'follow-up' as const, timepointId: index === 0 ? '6w' : '12w', done: followUp, late: followUp.late ?? false })),
    ];
    for (const timepoint of timepoints) {
      const completedAt = timepoint.done ? new Date(timepoint.done.at) : undefined;
      const dueAt = completedAt ?? at;
      const assessment: Assessment = {
        id: randomUUID(), enrolmentId: enrolment.id, serviceUserId: person.id, workerId: worker.id, programmeId: spec.programme.id,
        ...(measureIds.length === 1 ? { measureId: measureIds[0] as string } : { measureId: measureIds.join('+'), measureIds: [...measureIds] }),
        kind: timepoint.kind, timepointId: timepoint.timepointId, status: timepoint.done ? 'completed' : 'open',
        dueAt, opensAt: dueAt, closesAt: new Date(dueAt.getTime() + 7 * 86_400_000), answers: {},
        ...(completedAt ? { completedAt, late: timepoint.late } : {}),
      };
      if (timepoint.done) completeAs(assessment, measureIds, timepoint.done.answers, spec.label);
      await cases.addAssessment(assessment);
      assessments.push(assessment);
    }
    return { enrolment, assessments };
  },
  };
}

/** Stores answers as the conversation does: one measure as `answers` + `score`, several as `measureAnswers` + `scores`. */
function completeAs(assessment: Assessment, measureIds: readonly string[], answers: Record<string, Values>, label: string): void {
  const at = assessment.completedAt as Date;
  // The typed text carries the person's label, so a leak of free text would show in the export.
  const typed = (value: number | null) => ({ raw: value === null ? `skip ${label}` : `${value} said ${label}`, value, at, attempts: 1 });
  if (measureIds.length === 1) {
    const id = measureIds[0] as string;
    const values = answers[id] ?? {};
    assessment.answers = Object.fromEntries(Object.entries(values).map(([item, value]) => [item, typed(value)]));
    assessment.score = scoreMeasure(measures.get(id)!, values);
    return;
  }
  assessment.measureAnswers = {};
  assessment.scores = {};
  for (const id of measureIds) {
    const values = answers[id] ?? {};
    assessment.measureAnswers[id] = values;
    assessment.scores[id] = scoreMeasure(measures.get(id)!, values);
    for (const [item, value] of Object.entries(values)) assessment.answers[`${id}:${item}`] = typed(value);
  }
}

/** PHQ-9 answers adding up to `total` (items filled 3, 3, ... in order); `missing` leaves that item out. */
export function phq9(total: number, missing?: string): Values {
  const values: Values = {};
  let left = total;
  for (let i = 1; i <= 9; i += 1) {
    const value = Math.min(3, left);
    left -= value;
    if (`q${i}` !== missing) values[`q${i}`] = value;
  }
  return values;
}

export function ons4(lifeSatisfaction: number, worthwhile: number | null, happiness: number, anxiety: number): Values {
  return { 'life-satisfaction': lifeSatisfaction, ...(worthwhile === null ? {} : { worthwhile }), happiness, anxiety };
}
