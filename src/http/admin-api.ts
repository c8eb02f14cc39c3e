import express, { type ErrorRequestHandler, type Response } from 'express';
import { addProgramme } from '../app/admin/add-programme.js';
import { addStaff } from '../app/admin/add-staff.js';
import type { AdminResult } from '../app/admin/admin-result.js';
import { listProgrammes } from '../app/admin/list-programmes.js';
import { listStaff } from '../app/admin/list-staff.js';
import type { AuditLog } from '../app/ports/audit-log.js';
import type { ProgrammeCatalogue } from '../app/ports/programme-catalogue.js';
import type { StaffDirectory } from '../app/ports/staff-directory.js';
import type { Clock } from '../app/ports/clock.js';
import type { PhoneProtector } from '../app/ports/phone-protector.js';
import { removeStaff } from '../app/admin/remove-staff.js';
import type { MeasureCatalogue } from '../domain/measures/load-measures.js';
import { requireAdmin } from './require-admin.js';

export interface AdminApiDeps {
  adminToken: string;
  staff: StaffDirectory;
  programmes: ProgrammeCatalogue;
  audit: AuditLog;
  phones: PhoneProtector;
  measures: MeasureCatalogue;
  clock: Clock;
}

const actor = 'admin-api';

/**
 * Staff and programmes over JSON, for mounting at /api. The token check sits on each route, not on
 * the router, so other routers mounted at /api keep their own authentication.
 */
export function adminApi(deps: AdminApiDeps): express.Router {
  const router = express.Router();
  const guarded = [requireAdmin(deps.adminToken), express.json({ limit: '64kb' })];

  router.get('/staff', ...guarded, async (req, res) => answer(res, 200, await listStaff(deps, { ...req.query })));
  router.post('/staff', ...guarded, async (req, res) => answer(res, 201, await addStaff(deps, req.body, actor)));
  router.delete('/staff/:id', ...guarded, async (req, res) => answer(res, 200, await removeStaff(deps, req.params.id as string, actor)));
  router.get('/programmes', ...guarded, async (_req, res) => answer(res, 200, { ok: true, value: await listProgrammes(deps) }));
  router.post('/programmes', ...guarded, async (req, res) => answer(res, 201, await addProgramme(deps, req.body, actor)));
  router.use(bodyErrors);
  return router;
}

const refusals = {
  invalid: { status: 400, error: 'invalid request' },
  duplicate: { status: 409, error: 'already exists' },
  'not-found': { status: 404, error: 'not found' },
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
