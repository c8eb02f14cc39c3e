import express from 'express';
import { render } from 'preact-render-to-string';
import { z } from 'zod';
import type { ApiTokens } from '../app/ports/api-tokens.js';
import type { StaffDirectory } from '../app/ports/staff-directory.js';
import { NumberBusyError } from '../app/cases/with-number-lock.js';
import { erasePerson, type ErasureDeps } from '../app/privacy/erase-person.js';
import { subjectAccess, type SubjectAccessDeps } from '../app/privacy/subject-access.js';
import { authenticate, type Principal } from './authenticate.js';
import { SubjectAccessPage } from './pages/subject-access-page.js';

export type PrivacyApiDeps = SubjectAccessDeps & ErasureDeps & { adminToken: string; tokens: ApiTokens; staff: StaffDirectory; org: { name: string; timezone: string } };

const exportQuery = z.object({ format: z.enum(['json', 'html']).default('json') });
const eraseQuery = z.object({ removeScores: z.enum(['true', 'false']).default('false') });

/**
 * GET /api/service-users/:ref/export (subject access, JSON or `?format=html`) and DELETE
 * /api/service-users/:ref (erasure, `?removeScores=true` to remove the scores too): admins only.
 * Anyone else gets exactly the 404 a missing person gets, so nobody learns who exists.
 */
export function privacyApi(deps: PrivacyApiDeps): express.Router {
  const router = express.Router();
  const guard = authenticate({ adminToken: deps.adminToken, tokens: deps.tokens, staff: deps.staff });
  const actorOf = (res: express.Response) => {
    const principal = res.locals.principal as Principal;
    return principal.kind === 'admin' ? 'admin' : principal.member.role === 'admin' ? principal.member.id : null;
  };
  const notFound = (req: express.Request, res: express.Response) => void res.status(404).json({ error: `no service-user ${req.params.ref}` });

  router.get('/service-users/:ref/export', guard, async (req, res) => {
    const query = exportQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'invalid query', problems: ['format: json or html'] });
    const actor = actorOf(res);
    if (!actor) return notFound(req, res);
    const result = await subjectAccess(deps, String(req.params.ref), actor, 'api', query.data.format);
    if (!result.ok) return notFound(req, res);
    res.set('Cache-Control', 'no-store');
    if (query.data.format === 'html') {
      res.type('html').send(`<!doctype html>${render(<SubjectAccessPage report={result.value} orgName={deps.org.name} timeZone={deps.org.timezone} />)}`);
      return;
    }
    res.json(result.value);
  });

  router.delete('/service-users/:ref', guard, async (req, res) => {
    const query = eraseQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'invalid query', problems: ['removeScores: true or false'] });
    const actor = actorOf(res);
    if (!actor) return notFound(req, res);
    const result = await erasePerson(deps, String(req.params.ref), actor, { removeScores: query.data.removeScores === 'true', via: 'api' }).catch((error: unknown) => {
      if (error instanceof NumberBusyError) return null;
      throw error;
    });
    if (result === null) return void res.status(409).json({ error: 'that person\'s messages are being handled right now: please try again in a moment' });
    if (!result.ok) return notFound(req, res);
    res.json(result.value);
  });
  return router;
}
