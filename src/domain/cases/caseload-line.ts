import type { EnrolmentStatus } from './enrolment.js';

/** One person on a worker's caseload as STATUS sees them: the enrolment, its timepoints and alerts. */
export interface CaseloadEntry {
  readonly reference: string;
  readonly status: EnrolmentStatus;
  readonly timepoints: ReadonlyArray<{
    readonly timepointId: string;
    readonly status: 'scheduled' | 'open' | 'in-progress' | 'completed' | 'lapsed' | 'cancelled';
    readonly dueAt: Date;
    readonly closesAt: Date;
  }>;
  readonly alertOpen: boolean;
}

/**
 * "SU-0001: 6w lapsed 10 Dec, 12w due 21 Jan": where the person is now, by reference only and never
 * with an answer. The enrolment's state when it is not plainly active (waiting for consent,
 * paused), then the timepoint under way (open until its window closes) or else how the last one
 * ended (done, or lapsed on the day its window closed), then the next one due. An active enrolment
 * says nothing about being active: after a lapse it still is, and "active" was all STATUS said.
 */
export function caseloadLine(entry: CaseloadEntry, options: { readonly now: Date; readonly timeZone: string }): string {
  const day = (at: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: options.timeZone }).format(at);
  const byDue = asOf(entry.timepoints, options.now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const current = byDue.find((t) => t.status === 'open' || t.status === 'in-progress');
  const ended = byDue.filter((t) => t.status === 'completed' || t.status === 'lapsed').sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())[0];
  const next = byDue.find((t) => t.status === 'scheduled');
  const parts: string[] = [];
  if (entry.status !== 'active') parts.push(statusWords[entry.status] ?? entry.status.replace('-', ' '));
  if (current) parts.push(`${current.timepointId} ${current.status === 'open' ? 'open' : 'started'} until ${day(current.closesAt)}`);
  else if (ended) parts.push(ended.status === 'lapsed' ? `${ended.timepointId} lapsed ${day(ended.closesAt)}` : `${ended.timepointId} done`);
  if (next) parts.push(`${next.timepointId} due ${day(next.dueAt)}`);
  else if (!current && ended && entry.status === 'active') parts.push('nothing more due');
  if (parts.length === 0) parts.push('active');
  return `${entry.reference}: ${parts.join(', ')}${entry.alertOpen ? ' ALERT OPEN' : ''}`;
}

/**
 * Who needs the worker first: an open alert, then a lapse, then a questionnaire under way, then
 * everyone else in the order their next timepoint falls due.
 */
export function caseloadAttention(entry: CaseloadEntry, now: Date): number {
  if (entry.alertOpen) return 0;
  const byClose = asOf(entry.timepoints, now).filter((t) => t.status !== 'scheduled' && t.status !== 'cancelled').sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime());
  if (byClose[0]?.status === 'lapsed') return 1;
  if (entry.timepoints.some((t) => t.status === 'open' || t.status === 'in-progress')) return 2;
  return 3;
}

/**
 * A timepoint still scheduled after its window closed was never asked (the service was down, or
 * the person was mid-questionnaire throughout): to the worker it is missed, as a lapse is.
 */
function asOf(timepoints: CaseloadEntry['timepoints'], now: Date): Array<CaseloadEntry['timepoints'][number]> {
  return timepoints.map((t) => (t.status === 'scheduled' && t.closesAt.getTime() <= now.getTime() ? { ...t, status: 'lapsed' as const } : t));
}

/** The enrolments a caseload holds: everyone who may still be asked something (a late YES revives a lapsed consent). */
export const caseloadStatuses: ReadonlySet<EnrolmentStatus> = new Set<EnrolmentStatus>(['pending-consent', 'consent-lapsed', 'active', 'paused']);

const statusWords: Partial<Record<EnrolmentStatus, string>> = {
  'pending-consent': 'waiting for consent',
  'consent-lapsed': 'no reply to consent',
  paused: 'paused',
};
