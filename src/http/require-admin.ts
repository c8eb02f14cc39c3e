import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Bearer-token check for the admin API. Both tokens are hashed before the constant-time compare,
 * so neither the token's characters nor its length leak through timing.
 */
export function requireAdmin(token: string): RequestHandler {
  if (token.length === 0) throw new Error('requireAdmin needs a non-empty token (ADMIN_API_TOKEN)');
  const expected = digest(token);
  return (req, res, next) => {
    const presented = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '')?.[1];
    if (presented === undefined) {
      res.set('WWW-Authenticate', 'Bearer realm="promptly admin"');
      res.status(401).json({ error: 'authentication required: send the header "Authorization: Bearer <ADMIN_API_TOKEN>"' });
      return;
    }
    if (!timingSafeEqual(digest(presented), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="promptly admin", error="invalid_token"');
      res.status(401).json({ error: 'the bearer token is not the admin token' });
      return;
    }
    next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
