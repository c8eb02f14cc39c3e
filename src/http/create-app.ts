import cookieParser from 'cookie-parser';
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from '../logger.js';
import { adminApi, type AdminApiDeps } from './admin-api.js';
import { auditApi, type AuditApiDeps } from './audit-api.js';
import { caseApi } from './case-api.js';
import { commissioningApi, type CommissioningApiDeps } from './commissioning-api.js';
import { privacyApi, type PrivacyApiDeps } from './privacy-api.js';
import { reportsApi, type ReportsApiDeps } from './reports-api.js';
import type { SimulatorBackend } from '../adapters/simulator/simulator-backend.js';
import { simulatorRouter } from './simulator-router.js';
import { twilioWebhooks, type TwilioWebhookDeps } from './twilio-webhooks.js';
import { metricsRoute } from './metrics-route.js';
import type { SignInDeps } from '../app/sign-in/sign-in-deps.js';
import { adminPages } from './web/admin-pages.js';
import { appCss } from './web/app-css.js';
import { csrfRefused } from './web/csrf-refused.js';
import { signInRoutes } from './web/sign-in-routes.js';
import { staffPages, type StaffPagesDeps } from './web/staff-pages.js';
import { webSession } from './web/web-session.js';

export interface HttpDeps {
  logger: Logger;
  /** Twilio's webhooks; absent when Twilio is not configured (simulator only). */
  twilio?: TwilioWebhookDeps;
  /** Staff and programmes as JSON under /api (bearer ADMIN_API_TOKEN). */
  admin?: AdminApiDeps;
  /** Enrolments and service-user records under /api (admin or staff tokens). */
  cases?: Parameters<typeof caseApi>[0];
  /** Subject access export and erasure of one person (admins). */
  privacy?: PrivacyApiDeps;
  /** The weekly report as JSON (managers and admins). */
  reports?: ReportsApiDeps;
  /** The outcome report and the assessment exports (managers, admins, analysts). */
  commissioning?: CommissioningApiDeps;
  /** The audit chain as JSON (admins). */
  audit?: AuditApiDeps;
  /** The phone simulator page; only when startService was asked for it (the demo), never beside Twilio or in production. */
  simulator?: { backend: SimulatorBackend; orgName: string };
  /** The staff web app (sign-in, caseload, records, enrolment); its session is accepted by /api too. */
  web?: { signIn: SignInDeps; secure: boolean; csrfSecret: string; pages: Omit<StaffPagesDeps, 'session'> };
  /** GET /metrics (Prometheus) behind METRICS_TOKEN; absent: not served (404). */
  metrics?: Parameters<typeof metricsRoute>[0];
  /** Each check resolves to null when ready or to the reason, which is logged; /readyz answers only which are unavailable. */
  readiness: Record<string, () => Promise<string | null> | string | null>;
}

/** The express app without listen(), so tests can mount it on an ephemeral port. */
export function createApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const entries = Object.entries(deps.readiness);
    const results = await Promise.all(entries.map(async ([name, check]) => [name, await safely(check)] as const));
    const failing = results.filter(([, problem]) => problem !== null);
    if (failing.length === 0) {
      res.json({ status: 'ready' });
      return;
    }
    // Anyone may ask, and the detail (driver errors, host names and ports) helps an attacker more
    // than a load balancer: it goes to the log, and the answer says only what is unavailable.
    deps.logger.warn({ problems: Object.fromEntries(failing) }, 'not ready');
    res.status(503).json({ status: 'not ready', problems: Object.fromEntries(failing.map(([name]) => [name, 'unavailable'])) });
  });

  if (deps.metrics) app.use(metricsRoute(deps.metrics));

  if (deps.twilio) {
    app.use('/webhooks/twilio', twilioWebhooks(deps.twilio));
  } else {
    app.use('/webhooks/twilio', (_req, res) => {
      res.status(404).json({ error: 'Twilio is not configured on this server' });
    });
  }

  const session = deps.web ? webSession({ signIn: deps.web.signIn, secure: deps.web.secure, csrfSecret: deps.web.csrfSecret }) : undefined;
  if (session) {
    app.use(cookieParser());
    app.use(session.load);
    // A request on a staff session (no Authorization header) must carry the CSRF token, in x-csrf-token.
    app.use('/api', (req, res, next) => (res.locals.viewer && !req.get('authorization') ? session.protect(req, res, next) : next()));
  }

  if (deps.admin) app.use('/api', adminApi(deps.admin));
  if (deps.privacy) app.use('/api', privacyApi(deps.privacy));
  if (deps.cases) app.use('/api', caseApi(deps.cases));
  if (deps.reports) app.use('/api', reportsApi(deps.reports));
  if (deps.commissioning) app.use('/api', commissioningApi(deps.commissioning));
  if (deps.audit) app.use('/api', auditApi(deps.audit));
  if (deps.simulator) app.use('/simulator', simulatorRouter(deps.simulator.backend, deps.simulator.orgName));
  if (deps.web && session) {
    const pages = express.Router();
    // No script at all on these pages, styles from our own origin only, no framing, forms post only to us.
    pages.use(helmet({
      contentSecurityPolicy: { useDefaults: false, directives: {
        defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"],
      } },
      strictTransportSecurity: deps.web.secure,
    }));
    pages.get('/assets/app.css', (_req, res) => {
      res.type('css').set('Cache-Control', 'public, max-age=3600').send(appCss);
    });
    pages.use(express.urlencoded({ extended: false, limit: '16kb' }), session.protect);
    pages.use(signInRoutes({ signIn: deps.web.signIn, session, orgName: deps.web.pages.cases.org.name }));
    pages.use(staffPages({ ...deps.web.pages, session }));
    if (deps.admin) pages.use(adminPages({ admin: deps.admin, session, orgName: deps.web.pages.cases.org.name, timeZone: deps.web.pages.cases.org.timezone }));
    app.use(pages);
  }

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(errorHandler(deps.logger, deps.web?.pages.cases.org.name));
  return app;
}

async function safely(check: () => Promise<string | null> | string | null): Promise<string | null> {
  try {
    return await check();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Body-parser errors carry an HTTP status (400 malformed, 413 too large); anything else is a 500. */
function errorHandler(logger: Logger, orgName: string | undefined): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // A browser's form gets a page; /api callers get JSON as for every other refusal.
    if (error?.code === 'EBADCSRFTOKEN' && orgName !== undefined && !req.path.startsWith('/api')) {
      csrfRefused(res, orgName);
      return;
    }
    if (error?.code === 'EBADCSRFTOKEN') {
      res.status(403).json({ error: 'the form has expired or did not come from this site (missing or wrong CSRF token): reload the page and try again' });
      return;
    }
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error, path: req.path }, 'request failed');
    const message = status === 413 ? 'request body too large' : status === 500 ? 'internal error' : 'malformed request';
    res.status(status).json({ error: message });
  };
}
