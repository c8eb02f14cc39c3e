import express from 'express';
import { z } from 'zod';
import { dashboardReport, type DashboardDeps } from '../../app/reports/dashboard-report.js';
import { lastCompleteWeek, weeksEndingWith } from '../../app/reports/weekly-report.js';
import type { AuditLog } from '../../app/ports/audit-log.js';
import type { Clock } from '../../app/ports/clock.js';
import type { ProgrammeCatalogue } from '../../app/ports/programme-catalogue.js';
import type { StaffMember } from '../../app/ports/staff-directory.js';
import { parseIsoWeek } from '../../domain/schedule/iso-week.js';
import { isoWeekOf } from '../../domain/schedule/iso-week-of.js';
import { DashboardPage } from '../pages/dashboard-page.js';
import { renderPage } from './render-page.js';
import type { WebSession } from './web-session.js';

export interface DashboardRoutesDeps extends DashboardDeps {
  clock: Clock;
  audit: AuditLog;
  session: WebSession;
  programmes: Pick<ProgrammeCatalogue, 'list'>;
}

const dashboardQuery = z.object({
  week: z.string().regex(/^\d{4}-W\d{2}$/).refine((label) => parseIsoWeek(label) !== null).optional(),
  team: z.string().max(80).optional(),
  programme: z.string().max(60).optional(),
});

/**
 * GET /dashboard: managers and admins see the organisation (or a team), workers their own
 * caseload, analysts the aggregates without references or links. A malformed query falls back to
 * the default (the last complete week, everyone) rather than an error page.
 */
export function dashboardRoutes(deps: DashboardRoutesDeps): express.Router {
  const router = express.Router();
  router.get('/dashboard', async (req, res) => {
    const viewer = res.locals.viewer as StaffMember | undefined;
    if (!viewer) return res.redirect(303, '/sign-in');
    const parsed = dashboardQuery.safeParse(req.query);
    const query = parsed.success ? parsed.data : {};
    const now = deps.clock.now();
    const newest = isoWeekOf(now, deps.org.timezone);
    const choices = weeksEndingWith(newest, 26).reverse();
    const week = query.week && choices.includes(query.week) ? query.week : lastCompleteWeek(now, deps.org.timezone);
    const team = viewer.role === 'worker' ? undefined : query.team?.trim() || undefined;
    const programmes = (await deps.programmes.list()).map((p) => ({ id: p.id, slug: p.slug, name: p.name }));
    const programme = programmes.find((p) => p.slug === query.programme);
    const [report, workers] = await Promise.all([
      dashboardReport(deps, week, { viewer, ...(team ? { team } : {}), ...(programme ? { programmeId: programme.id } : {}) }),
      viewer.role === 'worker' ? Promise.resolve([]) : deps.staff.list({ role: 'worker' }),
    ]);
    // A report request is an entry, as the API's and the exports are (the figures, not who is in them).
    await deps.audit.record({ actor: viewer.id, action: 'report.dashboard', at: now, details: { week, ...(team ? { team } : {}), ...(programme ? { programme: programme.slug } : {}) } });
    const teams = [...new Set(workers.map((w) => w.team).filter((t) => t))].sort();
    renderPage(res, <DashboardPage orgName={deps.org.name} viewer={viewer} csrf={deps.session.token(req, res)} report={report} weekChoices={choices} teams={teams} programmes={programmes} programme={programme?.slug} now={now} />);
  });
  return router;
}
