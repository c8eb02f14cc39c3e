import type { CaseDeps } from './case-deps.js';
import type { StaffMember } from '../ports/staff-directory.js';

export interface OpenAlertRow {
  id: string;
  reference: string;
  itemId: string;
  openedAt: Date;
  /** Whose caseload it is on: that worker was texted when it opened. */
  workerName: string;
  /** When the managers were texted because nobody acknowledged it in time. */
  escalatedAt?: Date;
}

/**
 * The open safeguarding alerts a member of staff may act on, oldest first: a worker's own
 * caseload, everyone's for managers and admins, null for analysts (they never see a person).
 */
export async function openAlertsView(deps: Pick<CaseDeps, 'cases' | 'staff'>, viewer: StaffMember): Promise<OpenAlertRow[] | null> {
  if (viewer.role === 'analyst') return null;
  const alerts = await deps.cases.openAlerts(viewer.role === 'worker' ? { workerId: viewer.id } : {});
  // One read of the staff list, not one per alert (removed workers are absent: named as such).
  const names = new Map((await deps.staff.list()).map((m) => [m.id, m.name]));
  return alerts
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
    .map((a) => ({
      id: a.id, reference: a.reference, itemId: a.itemId, openedAt: a.openedAt,
      workerName: names.get(a.workerId) ?? 'a former worker',
      ...(a.escalatedAt ? { escalatedAt: a.escalatedAt } : {}),
    }));
}
