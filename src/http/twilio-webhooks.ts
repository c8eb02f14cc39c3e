import express, { type Request, type RequestHandler } from 'express';
import { parseInboundWebhook, parseStatusCallback } from '../adapters/twilio/parse-twilio-webhooks.js';
import { verifyTwilioSignature } from '../adapters/twilio/verify-twilio-signature.js';
import type { WebhookIntake } from '../app/channel/webhook-intake.js';
import type { WebhookRejection } from '../app/ports/metrics.js';
import type { Logger } from '../logger.js';

export interface TwilioWebhookDeps {
  authToken: string;
  publicBaseUrl: string;
  logger: Logger;
  /** Records the webhook, or spools it when the database is slow or away; the turn runs after the answer. */
  intake: WebhookIntake;
  /** Told of every refusal, for /metrics. */
  rejected?: (reason: WebhookRejection) => void;
}


/** POST /webhooks/twilio/inbound and /status: signed, size-limited, validated, answered at once. */
export function twilioWebhooks(deps: TwilioWebhookDeps): express.Router {
  const router = express.Router();
  const rejected = deps.rejected ?? (() => {});
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));
  // The body parser's refusals (413, 400) are answered by the app's error handler; counted here.
  router.use(((error, _req, _res, next) => {
    rejected(error?.status === 413 ? 'too-large' : 'malformed');
    next(error);
  }) as express.ErrorRequestHandler);
  router.use(checkSignature(deps, rejected));

  router.post('/inbound', async (req, res) => {
    const request = parseInboundWebhook(req.body);
    if (!request.ok) {
      rejected('malformed');
      res.status(400).json({ error: 'malformed Twilio message', problems: request.problems });
      return;
    }
    // Twilio waits for this answer, and does not retry once it has one: answer only when the
    // message is recorded or on disk. The reply goes out through the REST API once the turn has run.
    if (!(await kept(deps, () => deps.intake.inbound(request.value), res))) return;
    res.type('text/xml').send('<Response></Response>');
  });

  router.post('/status', async (req, res) => {
    const update = parseStatusCallback(req.body, typeof req.query.m === 'string' ? req.query.m : undefined);
    if (!update.ok) {
      rejected('malformed');
      res.status(400).json({ error: 'malformed Twilio status callback' });
      return;
    }
    if (!(await kept(deps, () => deps.intake.status(update.value), res))) return;
    res.status(204).end();
  });
  return router;
}

/**
 * Neither the database nor the local disk could keep the webhook: 503, so that Twilio calls the
 * number's fallback URL (another instance; see the README) instead of the message being lost.
 */
async function kept(deps: TwilioWebhookDeps, take: () => Promise<unknown>, res: express.Response): Promise<boolean> {
  try {
    await take();
    return true;
  } catch (error) {
    deps.logger.error({ err: error }, 'a webhook could be neither recorded nor spooled');
    deps.rejected?.('unavailable');
    res.status(503).json({ error: 'temporarily unable to accept messages' });
    return false;
  }
}

function checkSignature(deps: TwilioWebhookDeps, rejected: (reason: WebhookRejection) => void): RequestHandler {
  return (req, res, next) => {
    const signature = req.get('X-Twilio-Signature');
    if (!signature) {
      rejected('missing-signature');
      res.status(400).json({ error: 'missing X-Twilio-Signature' });
      return;
    }
    const params = formParams(req.body);
    if (!params) {
      rejected('malformed');
      res.status(400).json({ error: 'malformed form body' });
      return;
    }
    if (!verifyTwilioSignature(deps.authToken, signature, publicUrl(deps.publicBaseUrl, req), params)) {
      deps.logger.warn({ path: req.path }, 'rejected a webhook with a bad signature');
      rejected('bad-signature');
      res.status(403).json({ error: 'invalid X-Twilio-Signature' });
      return;
    }
    next();
  };
}

/** Twilio signs the URL it called: the public base URL plus the path and query as received. */
function publicUrl(base: string, req: Request): string {
  return `${base}${req.originalUrl}`;
}

/**
 * Every parameter as posted, a repeated one as its list of values, because Twilio signs them all:
 * leaving any out would let a request carry parameters its signature does not cover. Null for a
 * body that is not a flat form.
 */
function formParams(body: unknown): Record<string, string | string[]> | null {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object') return null;
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) return null;
    params[key] = value;
  }
  return params;
}
