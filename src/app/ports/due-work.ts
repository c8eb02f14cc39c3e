import type { JobAction } from './job-scheduler.js';

/** The per-subject actions kept as due items; the recurring ones (digest, summary) stay on Agenda. */
export type DueKind = Exclude<JobAction, 'digest:daily' | 'summary:weekly'>;

/**
 * One future action: do `kind` to `subject` at `dueAt` (the service's clock). Items are only ever
 * inserted and, once finished, deleted: rescheduling inserts an item with a higher `version`, and
 * the older items of the same kind and subject are void (never acted on). A cancellation is an
 * item with `cancelled`, due at once, that voids the older ones when it is swept.
 */
export interface DueItem {
  /** Made from kind, subject, version and instant: adding the same item twice stores it once. */
  id: string;
  kind: DueKind;
  subject: string;
  dueAt: Date;
  version: number;
  cancelled?: boolean;
}

/** The due items, with claims that let several processes sweep them without doing one twice. */
export interface DueWork {
  /** Inserts items, ignoring any already stored (same id). */
  add(items: DueItem[]): Promise<void>;
  /** Items due by `now`, earliest first, at most `limit`. */
  due(now: Date, limit: number): Promise<DueItem[]>;
  /**
   * Claims for `owner` up to `limit` of `items` that no live claim holds (a claim lives `leaseMs`
   * of real time, after which another sweep may take the item over); answers the ones it won.
   */
  claim(items: DueItem[], owner: string, leaseMs: number, limit: number): Promise<DueItem[]>;
  /**
   * Every stored item with the kind and subject of one of `items`, whatever its instant. Read after
   * claiming: a claimed item missing here was finished by another sweep meanwhile.
   */
  sameSubjects(items: DueItem[]): Promise<DueItem[]>;
  /** Deletes finished (or void) items and their claims. */
  finish(ids: string[]): Promise<void>;
  /** Items due after `after`, earliest first, at most `limit` (the demo's next event). */
  upcoming(after: Date, limit: number): Promise<DueItem[]>;
}

/** The id of an item: deterministic, so a retried add is one item. */
export function dueItemId(item: Pick<DueItem, 'kind' | 'subject' | 'version' | 'dueAt'> & { cancelled?: boolean }): string {
  return `${item.kind}|${item.subject}|${item.version}|${item.cancelled ? 'x' : item.dueAt.getTime()}`;
}

/** The kinds that text a service-user, so must fall inside the send window. */
export const dueKinds: readonly DueKind[] = ['timepoint:open', 'timepoint:remind', 'timepoint:lapse', 'consent:remind', 'consent:lapse', 'alert:escalate'];
