import { itemText } from '../../domain/measures/item-text.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import { refuse, type AdminResult } from '../admin/admin-result.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { CaseStore } from '../ports/case-store.js';
import type { Clock } from '../ports/clock.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import type { HeldMessage, PrivacyStore } from '../ports/privacy-store.js';
import type { ProgrammeCatalogue } from '../ports/programme-catalogue.js';
import type { StaffDirectory } from '../ports/staff-directory.js';
import { findPerson } from './find-person.js';

export interface SubjectAccessDeps {
  cases: Pick<CaseStore, 'serviceUserByReference'>;
  privacy: PrivacyStore;
  phones: PhoneProtector;
  programmes: Pick<ProgrammeCatalogue, 'get'>;
  staff: Pick<StaffDirectory, 'get'>;
  audit: AuditLog;
  clock: Clock;
  /** For the wording of each question answered. */
  measures: MeasureCatalogue;
}

/**
 * A subject access request: everything promptly holds about one person, found by their reference,
 * in one plain structure (the JSON export, and what the HTML page is drawn from). The number is
 * decrypted here, for the person themselves; the audit entry says only who asked, about whom.
 */
export async function subjectAccess(deps: SubjectAccessDeps, reference: string, actor: string, via: 'cli' | 'api', format: 'json' | 'html' = 'json'): Promise<AdminResult<SubjectAccessReport>> {
  const person = await findPerson(deps.cases, reference);
  if (!person) return refuse('not-found', [`no service-user ${reference}`]);
  const held = await deps.privacy.holdings(person);
  const names = new Map<string, string | null>();
  for (const e of held.enrolments) {
    if (!names.has(`p:${e.programmeId}`)) names.set(`p:${e.programmeId}`, (await deps.programmes.get(e.programmeId, e.planVersion))?.name ?? null);
    if (!names.has(`s:${e.workerId}`)) names.set(`s:${e.workerId}`, (await deps.staff.get(e.workerId))?.name ?? null);
  }
  const erased = Boolean(person.erasedAt);
  const report: SubjectAccessReport = {
    reference: person.reference,
    generatedAt: deps.clock.now(),
    status: erased ? 'erased' : 'held',
    ...(person.erasedAt ? { erasedAt: person.erasedAt } : {}),
    phone: !erased && person.phoneEnc ? deps.phones.decrypt(person.phoneEnc) : null,
    label: person.labelEnc ? deps.phones.decrypt(person.labelEnc) : null,
    createdAt: person.createdAt,
    optedOut: held.suppressed,
    enrolments: held.enrolments.map((e) => ({
      id: e.id, status: e.status, programme: names.get(`p:${e.programmeId}`) ?? null, worker: names.get(`s:${e.workerId}`) ?? null,
      channel: e.channel, createdAt: e.createdAt, updatedAt: e.updatedAt, ...(e.optedOut ? { optedOutAt: e.optedOut.at } : {}),
    })),
    consents: held.enrolments.flatMap((e) => (e.consent ? [{ enrolmentId: e.id, decision: e.consent.decision, version: e.consent.version, at: e.consent.at, channel: e.consent.channel }] : [])),
    timepoints: held.assessments.map((a) => ({
      id: a.id, enrolmentId: a.enrolmentId, kind: a.kind, timepointId: a.timepointId, measures: a.measureIds ?? [a.measureId], status: a.status,
      dueAt: a.dueAt, closesAt: a.closesAt, completedAt: a.completedAt ?? null, lapsedAt: a.lapsedAt ?? null,
      answers: Object.entries(a.answers ?? {}).map(([item, answer]) => ({ item, question: itemText(deps.measures, a.measureId, item), text: answer.raw || null, value: answer.value, at: answer.at })),
      scores: a.scores ? Object.entries(a.scores).map(([measure, score]) => ({ measure, score: score.score, band: score.band }))
        : a.score ? [{ measure: a.measureId, score: a.score.score, band: a.score.band }] : [],
    })),
    answersInProgress: held.conversation?.questionnaire
      ? Object.entries(held.conversation.questionnaire.answers).map(([item, answer]) => ({ item, question: itemText(deps.measures, held.conversation?.questionnaire?.measureId ?? '', item), text: answer.raw, value: answer.value }))
      : [],
    messages: held.messages,
    alerts: held.alerts.map((a) => ({ id: a.id, item: a.itemId, openedAt: a.openedAt, acknowledgedAt: a.acknowledgedAt ?? null, escalatedAt: a.escalatedAt ?? null })),
        // A worker's note on an alert may be about them: theirs to see (it is kept encrypted in the entry).
    audit: held.audit.map((e) => ({ actor: e.actor, action: e.action, at: e.at, ...(typeof e.details?.noteEnc === 'string' ? { note: deps.phones.decrypt(e.details.noteEnc) } : {}) })),
  };
  await deps.audit.record({ actor, action: 'person.exported', subject: person.reference, at: deps.clock.now(), details: { via, format } });
  return { ok: true, value: report };
}

export interface SubjectAccessReport {
  reference: string;
  generatedAt: Date;
  status: 'held' | 'erased';
  erasedAt?: Date;
  phone: string | null;
  label: string | null;
  createdAt: Date;
  /** Said STOP: the number is on the suppression list. */
  optedOut: boolean;
  enrolments: Array<{ id: string; status: string; programme: string | null; worker: string | null; channel: string; createdAt: Date; updatedAt: Date; optedOutAt?: Date }>;
  consents: Array<{ enrolmentId: string; decision: 'yes' | 'no'; version: string; at: Date; channel: string }>;
  timepoints: Array<{
    id: string; enrolmentId: string; kind: string; timepointId: string; measures: string[]; status: string; dueAt: Date; closesAt: Date;
    completedAt: Date | null; lapsedAt: Date | null;
    answers: Array<{ item: string; question: string; text: string | null; value: number | null; at: Date }>;
    scores: Array<{ measure: string; score: number | null; band: string | null }>;
  }>;
  answersInProgress: Array<{ item: string; question: string; text: string; value: number | null }>;
  messages: HeldMessage[];
  alerts: Array<{ id: string; item: string; openedAt: Date; acknowledgedAt: Date | null; escalatedAt: Date | null }>;
  audit: Array<{ actor: string; action: string; at: Date; note?: string }>;
}
