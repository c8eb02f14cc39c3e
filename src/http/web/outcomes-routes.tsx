import express from 'express';
import { z } from 'zod';
import { outcomeReport, type OutcomeReport, type OutcomeReportDeps } from '../../app/reports/outcome-report.js';
import { reportFilterSchema } from '../../app/reports/report-filter.js';
import type { StaffMember } from '../../app/ports/staff-directory.js';
import { itemSubscales } from '../../domain/analytics/measure-outcome.js';
import { utcToZoned } from '../../domain/schedule/utc-to-zoned.js';
import type { FieldError } from '../pages/error-summary.js';
import { MessagePage } from '../pages/message-page.js';
import { OutcomesPage, type OutcomesForm } from '../pages/outcomes-page.js';
import { renderPage } from './render-page.js';
import type { WebSession } from './web-session.js';

export interface OutcomesRoutesDeps extends OutcomeReportDeps {
  org: { name: string; timezone: string };
  session: WebSession;
}

const outcomesQuery = z.object({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  programme: z.string().max(60).optional(),
  suppress: z.literal('yes').optional(),
});

/**
 * GET /outcomes: the outcome report (the same use case as GET /api/reports/outcomes, audited the
 * same way) for managers, admins and analysts, whose report is always suppressed. Workers get the
 * page that is not there, as for a record outside their role. The period defaults to the last 12
 * months; a bad date is shown beside its field.
 */
export function outcomesRoutes(deps: OutcomesRoutesDeps): express.Router {
  const router = express.Router();
  router.get('/outcomes', async (req, res) => {
    const viewer = res.locals.viewer as StaffMember | undefined;
    if (!viewer) return res.redirect(303, '/sign-in');
    const csrf = deps.session.token(req, res);
    if (viewer.role === 'worker') {
      return renderPage(res, <MessagePage orgName={deps.org.name} viewer={viewer} csrf={csrf} title="Page not found" message="There is nothing here." link={{ href: '/', text: 'Go home' }} />, 404);
    }
    const query = outcomesQuery.safeParse(req.query);
    const asked = query.success ? query.data : {};
    const now = deps.clock.now();
    const form: OutcomesForm = {
      ...defaultPeriod(now, deps.org.timezone),
      ...(asked.from ? { from: asked.from.trim() } : {}),
      ...(asked.to ? { to: asked.to.trim() } : {}),
      programme: asked.programme?.trim() ?? '',
      suppress: asked.suppress === 'yes' || viewer.role === 'analyst',
    };
    const errors: FieldError[] = [];
    let report: OutcomeReport | null = null;
    const filter = reportFilterSchema.safeParse({ from: form.from, to: form.to, ...(form.programme ? { programme: form.programme } : {}) });
    if (!filter.success) {
      for (const issue of filter.error.issues) errors.push({ field: String(issue.path[0] ?? 'from'), message: issue.message });
    } else {
      const result = await outcomeReport(deps, { ...filter.data, suppress: form.suppress }, `staff:${viewer.id}`);
      if (result.ok) report = result.value;
      else errors.push({ field: 'programme', message: result.problems.join(' ') });
    }
    const programmes = (await deps.programmes.list()).map((p) => ({ slug: p.slug, name: p.name }));
    const itemLabel = (measure: string, item: string) => {
      const found = deps.measures.get(measure);
      return (found && itemSubscales(found, item)[0]?.label) ?? item;
    };
    renderPage(res, (
      <OutcomesPage orgName={deps.org.name} viewer={viewer} csrf={csrf} form={form} errors={errors} report={report}
        programmes={programmes} itemLabel={itemLabel} timeZone={deps.org.timezone} now={now} />
    ), errors.length > 0 ? 400 : 200);
  });
  return router;
}

/** From the first of the month a year ago to today, in the organisation's zone. */
function defaultPeriod(now: Date, timeZone: string): { from: string; to: string } {
  const today = utcToZoned(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${today.year - 1}-${pad(today.month)}-01`, to: `${today.year}-${pad(today.month)}-${pad(today.day)}` };
}
