import express from 'express';
import { z } from 'zod';
import type { ApiTokens } from '../app/ports/api-tokens.js';
import type { AuditLog } from '../app/ports/audit-log.js';
import type { AuditTrail } from '../app/ports/audit-trail.js';
import type { Clock } from '../app/ports/clock.js';
import type { StaffDirectory } from '../app/ports/staff-directory.js';
import { authenticate, type Principal } from './authenticate.js';

export interface AuditApiDeps {
  adminToken: string;
  tokens: ApiTokens;
  staff: StaffDirectory;
  trail: AuditTrail;
  audit: AuditLog;
  clock: Pick<Clock, 'now'>;
}

const instant = z.string().trim().pipe(z.iso.datetime({ offset: true }).or(z.iso.date())).transform((text) => new Date(text));

/** The query of GET /api/audit (and, with the same names, of `audit list`). */
export const auditQuery = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * GET /api/audit?from&to&actor&subject&after&limit: the audit chain's entries in order, for admins
 * (the admin token, or a staff member whose role is admin); anyone else gets 404, as for any
 * record outside their role. Paged: `next` is the `after` of the following page, null at the end.
 * Reading the log is itself an entry.
 */
export function auditApi(deps: AuditApiDeps): express.Router {
  const router = express.Router();
  const guard = authenticate({ adminToken: deps.adminToken, tokens: deps.tokens, staff: deps.staff });
  router.get('/audit', guard, async (req, res) => {
    const principal = res.locals.principal as Principal;
    if (principal.kind === 'staff' && principal.member.role !== 'admin') {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const parsed = auditQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid audit query', problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`) });
      return;
    }
    const { after, limit, ...filter } = parsed.data;
    const entries = await deps.trail.list({ ...filter, ...(after === undefined ? {} : { afterSeq: after }), limit });
    const actor = principal.kind === 'admin' ? 'admin-api' : principal.member.id;
    await deps.audit.record({ actor, action: 'audit.list', at: deps.clock.now(), details: { returned: entries.length } });
    res.json({ entries, next: entries.length === limit ? entries[entries.length - 1]!.seq : null });
  });
  return router;
}
