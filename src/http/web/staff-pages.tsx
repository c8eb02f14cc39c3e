import express from 'express';
import { z } from 'zod';
import type { CaseDeps } from '../../app/cases/case-deps.js';
import { caseloadView, type CaseloadDeps } from '../../app/cases/caseload-view.js';
import { enrolServiceUser } from '../../app/cases/enrol-service-user.js';
import { referenceCommand } from '../../app/cases/handle-worker-command.js';
import { serviceUserRecord } from '../../app/cases/service-user-record.js';
import { openAlertsView } from '../../app/cases/open-alerts-view.js';
import { reassignCaseload, type ReassignDeps } from '../../app/admin/reassign-caseload.js';
import type { OutcomeReportDeps } from '../../app/reports/outcome-report.js';
import { lastCompleteWeek, weeklyReport, type WeeklyReportDeps } from '../../app/reports/weekly-report.js';
import type { StaffMember } from '../../app/ports/staff-directory.js';
import { AlertsPage } from '../pages/alerts-page.js';
import { CaseloadPage } from '../pages/caseload-page.js';
import { EnrolPage } from '../pages/enrol-page.js';
import { HomePage } from '../pages/home-page.js';
import { MessagePage } from '../pages/message-page.js';
import { ServiceUserPage } from '../pages/service-user-page.js';
import { noticeOf, redirectWithNotice } from './notice.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { outcomesRoutes } from './outcomes-routes.js';
import { renderPage } from './render-page.js';
import type { WebSession } from './web-session.js';

export interface StaffPagesDeps {
  cases: CaseDeps;
  caseload: CaseloadDeps;
  reports: WeeklyReportDeps;
  reassign: ReassignDeps;
  outcomes: OutcomeReportDeps;
  session: WebSession;
}

const caseloadQuery = z.object({
  q: z.string().max(60).optional(),
  status: z.enum(['pending-consent', 'consent-lapsed', 'active', 'paused', '']).optional(),
  sort: z.enum(['reference', 'next-due', 'last-reply', 'status']).default('reference'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  worker: z.string().max(80).optional(),
  team: z.string().max(80).optional(),
});

const enrolForm = z.object({
  phone: z.string().max(40).default(''),
  programme: z.string().max(60).optional(),
  label: z.string().max(60).optional(),
  channel: z.enum(['sms', 'whatsapp'], { error: 'Choose SMS or WhatsApp' }).default('sms'),
  consentInPerson: z.literal('yes').optional(),
});

const actionForm = z.object({ action: z.enum(['pause', 'resume', 'withdraw', 'discharge']) });
const ackForm = z.object({ note: z.string().max(500).default(''), from: z.enum(['record', 'alerts']).default('record') });
const reassignForm = z.object({ to: z.string().min(1).max(80) });

/** The signed-in pages: home, caseload, enrol, a person's record and its actions. Thin: the use cases decide. */
export function staffPages(deps: StaffPagesDeps): express.Router {
  const router = express.Router();
  const { cases } = deps;
  const orgName = cases.org.name;
  const timeZone = cases.org.timezone;
  const viewerOf = (res: express.Response) => res.locals.viewer as StaffMember;
  const notFound = (req: express.Request, res: express.Response) =>
    renderPage(res, <MessagePage orgName={orgName} viewer={viewerOf(res)} csrf={deps.session.token(req, res)} title="Page not found" message="There is nothing here. If you typed a reference, check it." link={{ href: '/', text: 'Go home' }} />, 404);

  // Every page here needs a session; without one the browser is sent to sign in.
  const signedIn: express.RequestHandler = (_req, res, next) => (res.locals.viewer ? next() : res.redirect(303, '/sign-in'));

  router.get('/', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    if (viewer.role === 'worker') return res.redirect(303, '/caseload');
    const report = await weeklyReport(deps.reports, lastCompleteWeek(cases.clock.now(), timeZone));
    renderPage(res, <HomePage orgName={orgName} viewer={viewer} csrf={deps.session.token(req, res)} report={report} />);
  });

  router.get('/caseload', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    const parsed = caseloadQuery.safeParse(req.query);
    const query = parsed.success ? parsed.data : caseloadQuery.parse({});
    const view = await caseloadView(deps.caseload, viewer, {
      sort: query.sort, page: query.page, ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}),
      ...(query.worker ? { workerId: query.worker } : {}), ...(query.team ? { team: query.team } : {}),
    });
    if (!view) return notFound(req, res);
    renderPage(res, (
      <CaseloadPage orgName={orgName} viewer={viewer} csrf={deps.session.token(req, res)} timeZone={timeZone} rows={view.rows} total={view.total} page={view.page} pages={view.pages}
        workers={view.workers} teams={view.teams}
        query={{ sort: query.sort, page: view.page, ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), ...(query.worker ? { workerId: query.worker } : {}), ...(query.team ? { team: query.team } : {}) }} />
    ));
  });

  const programmes = async () => (await cases.programmes.list()).filter((p) => !p.retiredAt).map((p) => ({ slug: p.slug, name: p.name, isDefault: p.isDefault }));
  router.get('/enrol', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    if (viewer.role === 'analyst') return notFound(req, res);
    renderPage(res, <EnrolPage orgName={orgName} viewer={viewer} csrf={deps.session.token(req, res)} programmes={await programmes()} values={{}} errors={[]} />);
  });

  router.post('/enrol', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    if (viewer.role === 'analyst') return notFound(req, res);
    const parsed = enrolForm.safeParse(req.body);
    const body = req.body as Record<string, string>;
    const values = { phone: body.phone, programme: body.programme, label: body.label, channel: body.channel, consentInPerson: body.consentInPerson === 'yes' };
    const again = async (errors: Array<{ field: string; message: string }>, problem?: string, status = 400) =>
      renderPage(res, <EnrolPage orgName={orgName} viewer={viewer} csrf={deps.session.token(req, res)} programmes={await programmes()} values={values} errors={errors} problem={problem} />, status);
    if (!parsed.success) return again(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'phone'), message: i.message })));
    if (parsed.data.phone.trim() === '') return again([{ field: 'phone', message: 'Enter their mobile number' }]);
    const result = await enrolServiceUser(cases, {
      worker: viewer, phone: parsed.data.phone, programme: parsed.data.programme, label: parsed.data.label?.trim() || undefined, channel: parsed.data.channel,
      consentInPerson: parsed.data.consentInPerson === 'yes', askedBy: viewer,
    });
    if (!result.ok) return result.field ? again([{ field: result.field, message: result.reason.replace(/\s*\n/g, ' ') }]) : again([], result.reason, result.status);
    redirectWithNotice(deps.session, res, `/service-users/${result.reference}`, `Enrolled ${result.reference}.`);
  });

  /** Null unless the viewer may see the person: workers their own, managers and admins anyone, analysts nobody. */
  const readRecord = (viewer: StaffMember, reference: string) =>
    viewer.role === 'analyst' ? Promise.resolve(null) : serviceUserRecord(cases, reference, (enrolments) => viewer.role !== 'worker' || enrolments.some((e) => e.workerId === viewer.id));

  router.get('/service-users/:ref', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    const record = await readRecord(viewer, String(req.params.ref));
    if (!record) return notFound(req, res);
    await cases.audit.record({ actor: viewer.id, action: 'record.view', subject: record.reference, at: cases.clock.now(), details: { via: 'web' } });
    const notice = await noticeOf(deps.session, req, res);
    const workers = viewer.role === 'worker' ? [] : (await cases.staff.list({ role: 'worker' })).map((w) => ({ id: w.id, name: w.name }));
    renderPage(res, <ServiceUserPage orgName={orgName} viewer={viewer} csrf={deps.session.token(req, res)} record={record} measures={cases.measures} timeZone={timeZone} workers={workers} notice={notice} />);
  });

  router.get('/alerts', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    const alerts = await openAlertsView(cases, viewer);
    if (!alerts) return notFound(req, res);
    const notice = await noticeOf(deps.session, req, res);
    renderPage(res, <AlertsPage orgName={orgName} viewer={viewer} csrf={deps.session.token(req, res)} timeZone={timeZone} now={cases.clock.now()} alerts={alerts} notice={notice} />);
  });

  const back = (req: express.Request, res: express.Response, reference: string, said: string) => redirectWithNotice(deps.session, res, `/service-users/${reference}`, said);

  router.post('/service-users/:ref/actions', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    const record = await readRecord(viewer, String(req.params.ref));
    if (!record) return notFound(req, res);
    const parsed = actionForm.safeParse(req.body);
    if (!parsed.success) return back(req, res, record.reference, 'Choose one of the actions.');
    const verb = parsed.data.action === 'discharge' ? 'done' : parsed.data.action;
    back(req, res, record.reference, await referenceCommand(cases, viewer, verb, record.reference));
  });

  router.post('/service-users/:ref/ack', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    const record = await readRecord(viewer, String(req.params.ref));
    if (!record) return notFound(req, res);
    const parsed = ackForm.safeParse(req.body);
    const note = parsed.success ? parsed.data.note.trim() : '';
    const fromAlerts = parsed.success && parsed.data.from === 'alerts';
    const said = await referenceCommand(cases, viewer, 'ack', record.reference);
    // The note may name people or say what was disclosed: it is kept encrypted, as labels are.
    if (note) await cases.audit.record({ actor: viewer.id, action: 'alert.note', subject: record.reference, at: cases.clock.now(), details: { noteEnc: cases.phones.encrypt(note) } });
    if (fromAlerts) return redirectWithNotice(deps.session, res, '/alerts', said);
    back(req, res, record.reference, said);
  });

  router.post('/service-users/:ref/reassign', signedIn, async (req, res) => {
    const viewer = viewerOf(res);
    if (viewer.role !== 'manager' && viewer.role !== 'admin') return notFound(req, res);
    const record = await readRecord(viewer, String(req.params.ref));
    const live = record?.enrolments.at(-1);
    if (!record || !live) return notFound(req, res);
    const parsed = reassignForm.safeParse(req.body);
    if (!parsed.success) return back(req, res, record.reference, 'Choose the worker who takes them over.');
    const moved = await reassignCaseload(deps.reassign, live.workerId, parsed.data.to, viewer.id, { references: [record.reference] });
    back(req, res, record.reference, moved.ok ? (moved.value.moved === 0 ? `${record.reference} has no live enrolment to move.` : `${record.reference} is now with ${moved.value.to.name}.`) : moved.problems.join(' '));
  });

  router.use(dashboardRoutes({ ...deps.reports, alerts: cases.cases, clock: cases.clock, audit: cases.audit, session: deps.session, programmes: cases.programmes }));
  router.use(outcomesRoutes({ ...deps.outcomes, org: cases.org, session: deps.session }));
  return router;
}
