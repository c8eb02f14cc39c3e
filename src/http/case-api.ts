import express from 'express';
import { z } from 'zod';
import type { CaseDeps } from '../app/cases/case-deps.js';
import { enrolServiceUser } from '../app/cases/enrol-service-user.js';
import { serviceUserRecord } from '../app/cases/service-user-record.js';
import type { ApiTokens } from '../app/ports/api-tokens.js';
import { authenticate, type Principal } from './authenticate.js';

const enrolmentSchema = z.object({
  phone: z.string().min(3).max(40),
  programme: z.string().min(1).max(60).optional(),
  label: z.string().min(1).max(60).optional(),
  channel: z.enum(['sms', 'whatsapp']).default('sms'),
  consentInPerson: z.boolean().default(false),
  /** Whose caseload: required with the admin token, ignored (it is the caller) with a staff token. */
  workerId: z.string().min(1).optional(),
});

/** POST /api/enrolments (same as ENROL by text) and GET /api/service-users/:ref. */
export function caseApi(deps: CaseDeps & { adminToken: string; tokens: ApiTokens }): express.Router {
  const router = express.Router();
  const guard = [authenticate({ adminToken: deps.adminToken, tokens: deps.tokens, staff: deps.staff }), express.json({ limit: '64kb' })];

  router.post('/enrolments', ...guard, async (req, res) => {
    const parsed = enrolmentSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid enrolment', problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) });
      return;
    }
    const principal = res.locals.principal as Principal;
    if (principal.kind === 'staff' && principal.member.role === 'analyst') {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const worker = principal.kind === 'staff' ? principal.member : parsed.data.workerId ? await deps.staff.get(parsed.data.workerId) : null;
    if (!worker) {
      res.status(400).json({ error: 'invalid enrolment', problems: ['workerId: with the admin token, name the worker (a current staff id) whose caseload this is'] });
      return;
    }
    const result = await enrolServiceUser(deps, {
      worker, phone: parsed.data.phone, programme: parsed.data.programme, label: parsed.data.label, channel: parsed.data.channel,
      consentInPerson: parsed.data.consentInPerson, askedBy: principal.kind === 'staff' ? principal.member : 'admin',
    });
    if (!result.ok) {
      // A field the caller got wrong answers as the schema's problems do; a clash (409) says only what happened.
      if (result.field) res.status(result.status).json({ error: 'invalid enrolment', problems: [`${result.field}: ${result.reason.replace(/\s*\n/g, ' ')}`] });
      else res.status(result.status).json({ error: result.reason });
      return;
    }
    res.status(201).json({
      reference: result.reference, enrolmentId: result.enrolment.id, programme: result.programme.slug, workerId: worker.id,
      status: result.consentRequested ? 'pending-consent' : 'active', consentRequested: result.consentRequested,
    });
  });

  router.get('/service-users/:ref', ...guard, async (req, res) => {
    const principal = res.locals.principal as Principal;
    // Someone else's person answers exactly as nobody does (404), so a worker cannot learn who exists.
    // Analysts see aggregates only, never a person's record.
    const mayRead = (enrolments: Array<{ workerId: string }>) =>
      principal.kind === 'admin' || principal.member.role === 'manager' || principal.member.role === 'admin' ||
      (principal.member.role === 'worker' && enrolments.some((e) => e.workerId === principal.member.id));
    const record = await serviceUserRecord(deps, req.params.ref as string, mayRead);
    if (!record) {
      res.status(404).json({ error: `no service-user ${req.params.ref}` });
      return;
    }
    // Every view of a person's record is an entry, as on the web page (staff-pages.tsx).
    await deps.audit.record({ actor: principal.kind === 'admin' ? 'admin-api' : principal.member.id, action: 'record.view', subject: record.reference, at: deps.clock.now(), details: { via: 'api' } });
    res.json(record);
  });
  return router;
}
