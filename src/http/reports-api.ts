import express from 'express';
import { z } from 'zod';
import { lastCompleteWeek, weeklyReport, type WeeklyReportDeps } from '../app/reports/weekly-report.js';
import type { ApiTokens } from '../app/ports/api-tokens.js';
import type { AuditLog } from '../app/ports/audit-log.js';
import type { StaffDirectory } from '../app/ports/staff-directory.js';
import type { Clock } from '../app/ports/clock.js';
import { parseIsoWeek } from '../domain/schedule/iso-week.js';
import { authenticate, type Principal } from './authenticate.js';

export interface ReportsApiDeps extends WeeklyReportDeps {
  adminToken: string;
  tokens: ApiTokens;
  staff: StaffDirectory;
  audit: AuditLog;
  // Only the reading: a report never schedules anything.
  clock: Pick<Clock, 'now'>;
}

const weekHint = 'use an ISO week such as 2026-W48 (year, -W, two-digit week; W53 only in years that have one), or leave it out for last week';

const weeklyQuery = z.object({
  week: z
    .string({ error: `give it once: ${weekHint}` })
    .trim()
    .toUpperCase()
    .refine((label) => parseIsoWeek(label) !== null, { error: (issue) => `"${String(issue.input)}" is not a week: ${weekHint}` })
    .optional(),
});

/**
 * GET /api/reports/weekly?week=YYYY-Www: the weekly summary as JSON, for managers and admins (a
 * worker sees their own caseload elsewhere, not colleagues' rates). Without `week`, the last
 * complete ISO week in the organisation's zone. Mount at /api; authentication is per route so
 * other routers at /api keep their own.
 */
export function reportsApi(deps: ReportsApiDeps): express.Router {
  const router = express.Router();
  const guard = authenticate({ adminToken: deps.adminToken, tokens: deps.tokens, staff: deps.staff });

  router.get('/reports/weekly', guard, async (req, res) => {
    const principal = res.locals.principal as Principal;
    if (principal.kind === 'staff' && principal.member.role === 'worker') {
      res.status(403).json({ error: 'weekly reports are for managers and admins' });
      return;
    }
    const parsed = weeklyQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid week', problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`) });
      return;
    }
    const now = deps.clock.now();
    const report = await weeklyReport(deps, parsed.data.week ?? lastCompleteWeek(now, deps.org.timezone));
    await deps.audit.record({ actor: principal.kind === 'admin' ? 'admin-api' : principal.member.id, action: 'report.weekly', at: now, details: { week: report.week } });
    // A week still running (or not begun) has numbers that will change: say so rather than let it pass as final.
    res.json({ ...report, complete: now.getTime() >= report.end.getTime() });
  });
  return router;
}
