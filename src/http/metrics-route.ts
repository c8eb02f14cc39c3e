import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';

/**
 * GET /metrics for Prometheus, behind a bearer token. The comparison is of fixed-length digests in
 * constant time, so neither the token's content nor its length leaks through timing.
 */
export function metricsRoute(deps: { token: string; scrape: () => Promise<{ contentType: string; body: string }> }): express.Router {
  const router = express.Router();
  const expected = digest(deps.token);
  router.get('/metrics', async (req, res, next) => {
    const presented = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'a bearer token (METRICS_TOKEN) is required' });
      return;
    }
    try {
      const { contentType, body } = await deps.scrape();
      res.set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
