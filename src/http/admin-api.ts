import type { StaffCredentials } from '../app/ports/staff-credentials.js';
import type { ContactBook } from '../app/ports/contact-book.js';
import type { TurnLocks } from '../app/ports/turn-locks.js';
import express, { type ErrorRequestHandler, type Response } from 'express';
import { z } from 'zod';
import { addProgramme } from '../app/admin/add-programme.js';
import { editProgramme } from '../app/admin/edit-programme.js';
import { findProgramme } from '../app/admin/find-programme.js';
import { programmeBurden } from '../app/admin/programme-burden.js';
import { retireProgramme } from '../app/admin/retire-programme.js';
import { addStaff } from '../app/admin/add-staff.js';
import { describeInputIssues, refuse, type AdminResult } from '../app/admin/admin-result.js';
import { listProgrammes } from '../app/admin/list-programmes.js';
import { listStaff } from '../app/admin/list-staff.js';
import type { AuditLog } from '../app/ports/audit-log.js';
import type { ProgrammeCatalogue } from '../app/ports/programme-catalogue.js';
import type { StaffDirectory } from '../app/ports/staff-directory.js';
import type { Clock } from '../app/ports/clock.js';
import type { PhoneProtector } from '../app/ports/phone-protector.js';
import { reassignCaseload } from '../app/admin/reassign-caseload.js';
import { removeStaff } from '../app/admin/remove-staff.js';
import type { OutgoingText } from '../app/cases/case-deps.js';
import type { CaseStore } from '../app/ports/case-store.js';
import type { MeasureCatalogue } from '../domain/measures/load-measures.js';
import { requireAdmin } from './require-admin.js';

export interface AdminApiDeps {
  adminToken: string;
  staff: StaffDirectory;
  programmes: ProgrammeCatalogue;
  audit: AuditLog;
  /** Removing a member ends their sessions and revokes their tokens. */
  credentials: StaffCredentials;
  phones: PhoneProtector;
  measures: MeasureCatalogue;
  clock: Clock;
  /** For moving a caseload when its worker goes (DELETE /api/staff/:id?reassignTo=, POST /api/staff/:id/reassign). */
  cases: CaseStore;
  /** Texts the workers a reassignment concerns, through the outbox. */
  send(message: OutgoingText): Promise<string>;
  /** A reassignment moves the worker on each person's conversation too, under their lock. */
  contacts: ContactBook;
  locks: TurnLocks;
  /** Names the organisation in the texts GET /api/programmes/:id counts. */
  orgName?: string;
}

/** Audited as the signed-in admin on a web session, as 'admin-api' on ADMIN_API_TOKEN. */
const actorOf = (res: Response): string => (res.locals.adminActor as string | undefined) ?? 'admin-api';

/**
 * Staff and programmes over JSON, for mounting at /api. The token check sits on each route, not on
 * the router, so other routers mounted at /api keep their own authentication.
 */
export function adminApi(deps: AdminApiDeps): express.Router {
  const router = express.Router();
  const bearer = requireAdmin(deps.adminToken);
  // An admin's web session counts as well (createApp has already checked its CSRF header); a request
  // that sends Authorization is judged by its token alone.
  const adminOrSession: express.RequestHandler = (req, res, next) => {
    const viewer = res.locals.viewer as { id: string; role: string } | undefined;
    if (req.get('authorization') || viewer?.role !== 'admin') return bearer(req, res, next);
    res.locals.adminActor = viewer.id;
    next();
  };
  const guarded = [adminOrSession, express.json({ limit: '64kb' })];

  router.get('/staff', ...guarded, async (req, res) => answer(res, 200, await listStaff(deps, { ...req.query })));
  router.post('/staff', ...guarded, async (req, res) => answer(res, 201, await addStaff(deps, req.body, actorOf(res))));
  router.delete('/staff/:id', ...guarded, async (req, res) => {
    const query = removeQuery.safeParse(req.query);
    if (!query.success) return answer(res, 200, refuse('invalid', describeInputIssues(query.error.issues)));
    answer(res, 200, await removeStaff(deps, req.params.id as string, actorOf(res), query.data.reassignTo === undefined ? {} : { reassignTo: query.data.reassignTo }));
  });
  router.post('/staff/:id/reassign', ...guarded, async (req, res) => {
    const body = reassignBody.safeParse(req.body);
    if (!body.success) return answer(res, 200, refuse('invalid', describeInputIssues(body.error.issues)));
    answer(res, 200, await reassignCaseload(deps, req.params.id as string, body.data.to, actorOf(res)));
  });
  router.get('/programmes', ...guarded, async (_req, res) => answer(res, 200, { ok: true, value: await listProgrammes(deps) }));
  router.post('/programmes', ...guarded, async (req, res) => answer(res, 201, await addProgramme(deps, req.body, actorOf(res))));
  // One programme with what each timepoint asks of a person (questions, SMS segments, a warning above 15).
  router.get('/programmes/:id', ...guarded, async (req, res) => {
    const found = await findProgramme(deps.programmes, req.params.id as string);
    answer(res, 200, found.ok ? { ok: true, value: { ...found.value, timepoints: programmeBurden(found.value, deps.measures, deps.orgName ?? 'your organisation') } } : found);
  });
  // A new plan version for people enrolled from now on; live enrolments keep theirs.
  router.patch('/programmes/:id', ...guarded, async (req, res) => answer(res, 200, await editProgramme(deps, req.params.id as string, req.body, actorOf(res))));
  router.post('/programmes/:id/retire', ...guarded, async (req, res) => answer(res, 200, await retireProgramme(deps, req.params.id as string, actorOf(res))));
  router.use(bodyErrors);
  return router;
}

const staffId = z.string({ error: 'give it once, as a staff id' }).trim().min(1, 'give a staff id');
const removeQuery = z.strictObject({ reassignTo: staffId.optional() });
const reassignBody = z.strictObject({ to: staffId }, { error: 'expected a JSON object such as {"to": "<staff id>"}' });

const refusals = {
  invalid: { status: 400, error: 'invalid request' },
  duplicate: { status: 409, error: 'already exists' },
  'not-found': { status: 404, error: 'not found' },
  conflict: { status: 409, error: 'conflict' },
} as const;

function answer<T>(res: Response, status: number, result: AdminResult<T>): void {
  if (result.ok) {
    res.status(status).json(result.value);
    return;
  }
  const refusal = refusals[result.kind];
  res.status(refusal.status).json({ error: refusal.error, problems: result.problems });
}

/** Malformed or oversized JSON, in the same shape as every other refusal; anything else goes on to the app. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const problem = status === 413 ? 'the request body is larger than 64kb' : status === 400 ? 'the request body is not valid JSON' : 'the request body could not be read';
  res.status(status).json({ error: status === 413 ? 'request body too large' : 'malformed request', problems: [problem] });
};
