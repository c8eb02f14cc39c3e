import type { EnrolmentStatus } from '../../domain/cases/enrolment.js';
import type { CaseloadSource } from '../ports/caseload-source.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import type { ProgrammeCatalogue } from '../ports/programme-catalogue.js';
import type { CaseStore } from '../ports/case-store.js';
import type { StaffDirectory, StaffMember } from '../ports/staff-directory.js';

export interface CaseloadQuery {
  status?: EnrolmentStatus;
  q?: string;
  sort: 'reference' | 'next-due' | 'last-reply' | 'status';
  page: number;
  /** Managers and admins: one worker's caseload, or one team's. */
  workerId?: string;
  team?: string;
}

export interface CaseloadRow {
  reference: string;
  label: string | null;
  programme: string;
  worker: string;
  status: EnrolmentStatus;
  nextDue: { timepointId: string; at: Date; open: boolean } | null;
  lastReply: Date | null;
  openAlerts: number;
}

export interface CaseloadDeps {
  caseload: CaseloadSource;
  cases: Pick<CaseStore, 'openAlerts'>;
  programmes: Pick<ProgrammeCatalogue, 'list'>;
  staff: Pick<StaffDirectory, 'list'>;
  phones: Pick<PhoneProtector, 'decrypt'>;
}

export const caseloadPageSize = 50;

/**
 * The caseload page's rows: a worker's own people; a manager's or admin's, everyone's (or one
 * worker's or team's). Sorting, the status filter and search happen here over lean rows; labels are
 * decrypted only when searching or for the page shown. Analysts have no caseload (null).
 */
export async function caseloadView(deps: CaseloadDeps, viewer: StaffMember, query: CaseloadQuery) {
  if (viewer.role === 'analyst') return null;
  const workerId = viewer.role === 'worker' ? viewer.id : query.workerId;
  const [enrolments, timepoints, alerts, programmes, staff] = await Promise.all([
    deps.caseload.liveEnrolments({ workerId }),
    deps.caseload.timepointsToCome({ workerId }),
    deps.cases.openAlerts(workerId ? { workerId } : {}),
    deps.programmes.list(),
    deps.staff.list(),
  ]);
  const names = new Map(staff.map((member) => [member.id, member]));
  const inTeam = viewer.role !== 'worker' && query.team ? enrolments.filter((e) => names.get(e.workerId)?.team === query.team) : enrolments;
  const byStatus = query.status ? inTeam.filter((e) => e.status === query.status) : inTeam;
  const needle = query.q?.trim().toLowerCase();
  const labels = needle ? await deps.caseload.labels(byStatus.map((e) => e.serviceUserId)) : new Map<string, string>();
  const label = (id: string) => (labels.has(id) ? deps.phones.decrypt(labels.get(id) as string) : null);
  const found = needle ? byStatus.filter((e) => e.reference.toLowerCase().includes(needle) || (label(e.serviceUserId) ?? '').toLowerCase().includes(needle)) : byStatus;

  const next = new Map<string, { timepointId: string; at: Date; open: boolean }>();
  for (const t of timepoints) {
    const open = t.status !== 'scheduled';
    const at = open ? t.closesAt : t.dueAt;
    const known = next.get(t.enrolmentId);
    if (!known || (open && !known.open) || (open === known.open && at < known.at)) next.set(t.enrolmentId, { timepointId: t.timepointId, at, open });
  }
  const alertCount = new Map<string, number>();
  for (const alert of alerts) alertCount.set(alert.serviceUserId, (alertCount.get(alert.serviceUserId) ?? 0) + 1);
  const replies = query.sort === 'last-reply' ? await deps.caseload.lastReplies(found.flatMap((e) => (e.phoneHash ? [e.phoneHash] : []))) : null;

  const sorters: Record<CaseloadQuery['sort'], (a: (typeof found)[number], b: (typeof found)[number]) => number> = {
    reference: (a, b) => a.reference.localeCompare(b.reference),
    'next-due': (a, b) => (next.get(a.id)?.at.getTime() ?? Infinity) - (next.get(b.id)?.at.getTime() ?? Infinity),
    'last-reply': (a, b) => (replies?.get(b.phoneHash ?? '')?.getTime() ?? -Infinity) - (replies?.get(a.phoneHash ?? '')?.getTime() ?? -Infinity),
    status: (a, b) => a.status.localeCompare(b.status) || a.reference.localeCompare(b.reference),
  };
  const sorted = [...found].sort((a, b) => sorters[query.sort](a, b) || a.reference.localeCompare(b.reference));
  const pages = Math.max(1, Math.ceil(sorted.length / caseloadPageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  const shown = sorted.slice((page - 1) * caseloadPageSize, page * caseloadPageSize);
  const [shownLabels, shownReplies] = await Promise.all([
    needle ? labels : deps.caseload.labels(shown.map((e) => e.serviceUserId)),
    replies ?? deps.caseload.lastReplies(shown.flatMap((e) => (e.phoneHash ? [e.phoneHash] : []))),
  ]);
  const programmeNames = new Map(programmes.map((p) => [p.id, p.name]));
  const rows: CaseloadRow[] = shown.map((e) => ({
    reference: e.reference,
    label: shownLabels.has(e.serviceUserId) ? deps.phones.decrypt(shownLabels.get(e.serviceUserId) as string) : null,
    programme: programmeNames.get(e.programmeId) ?? '',
    worker: names.get(e.workerId)?.name ?? '',
    status: e.status,
    nextDue: next.get(e.id) ?? null,
    lastReply: e.phoneHash ? (shownReplies.get(e.phoneHash) ?? null) : null,
    openAlerts: alertCount.get(e.serviceUserId) ?? 0,
  }));
  const workers = viewer.role === 'worker' ? [] : staff.filter((member) => member.role === 'worker');
  return { rows, total: sorted.length, page, pages, workers, teams: [...new Set(staff.map((member) => member.team))].sort() };
}
