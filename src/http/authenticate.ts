import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApiTokens } from '../app/ports/api-tokens.js';
import type { StaffDirectory, StaffMember } from '../app/ports/staff-directory.js';

export type Principal = { kind: 'admin' } | { kind: 'staff'; member: StaffMember };

/**
 * Bearer authentication for the case API: the admin token (ADMIN_API_TOKEN) or a staff member's
 * own token (`npm run cli -- token issue <staff>`). Sets res.locals.principal.
 */
export function authenticate(deps: { adminToken: string; tokens: ApiTokens; staff: StaffDirectory }): RequestHandler {
  const admin = digest(deps.adminToken);
  return async (req, res, next) => {
    const presented = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '')?.[1];
    // A staff web session (see http/web/web-session.ts) is accepted as the contract says; its POSTs carry a CSRF token.
    if (!presented && !req.get('authorization') && res.locals.viewer) {
      res.locals.principal = { kind: 'staff', member: res.locals.viewer as StaffMember } satisfies Principal;
      return next();
    }
    if (!presented) {
      res.set('WWW-Authenticate', 'Bearer realm="promptly"').status(401).json({ error: 'authentication required: send "Authorization: Bearer <token>"' });
      return;
    }
    if (timingSafeEqual(digest(presented), admin)) {
      res.locals.principal = { kind: 'admin' } satisfies Principal;
      return next();
    }
    const staffId = await deps.tokens.resolve(presented);
    const member = staffId ? await deps.staff.get(staffId) : null;
    if (!member) {
      res.set('WWW-Authenticate', 'Bearer realm="promptly", error="invalid_token"').status(401).json({ error: 'the token is not valid: unknown, expired or revoked (or its staff member was removed)' });
      return;
    }
    res.locals.principal = { kind: 'staff', member } satisfies Principal;
    next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
