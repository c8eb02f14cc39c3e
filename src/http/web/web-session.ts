import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { resumeSession } from '../../app/sign-in/resume-session.js';
import type { SignInDeps } from '../../app/sign-in/sign-in-deps.js';
import type { StaffMember } from '../../app/ports/staff-directory.js';

export interface WebSessionOptions {
  signIn: SignInDeps;
  /** Secure cookies (and the __Host- prefix) when PUBLIC_BASE_URL is https. */
  secure: boolean;
  csrfSecret: string;
}

/** Who the request is from, for CSRF's "tied to the session": the session's id, or a visitor id before signing in. */
const identities = new WeakMap<Request, string>();

export function cookieNames(secure: boolean) {
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}promptly-session`, visitor: `${prefix}promptly-visitor`, csrf: `${prefix}promptly-csrf` };
}

/**
 * Reads the session cookie on every request (one read by _id) and sets res.locals.viewer, the
 * signed-in member of staff, for the pages and for /api (a staff session is accepted there too).
 */
export function webSession(options: WebSessionOptions) {
  const names = cookieNames(options.secure);
  const cookie: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' };
  const csrf = doubleCsrf({
    getSecret: () => options.csrfSecret,
    getSessionIdentifier: (req) => identities.get(req) ?? '',
    cookieName: names.csrf,
    cookieOptions: { ...cookie },
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined ?? req.get('x-csrf-token'),
    // A bearer token is not sent by the browser on its own, so a bearer request cannot be forged; webhooks are signed.
    skipCsrfProtection: (req) => /^Bearer /i.test(req.get('authorization') ?? '') || req.path.startsWith('/webhooks/') || req.path.startsWith('/simulator'),
    errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
  });

  const load: RequestHandler = async (req, res, next) => {
    try {
      const token = (req.cookies as Record<string, string> | undefined)?.[names.session];
      const resumed = token ? await resumeSession(options.signIn, token) : null;
      if (resumed) {
        res.locals.viewer = resumed.member satisfies StaffMember;
        res.locals.sessionToken = token;
        identities.set(req, resumed.sessionId);
        res.locals.sessionId = resumed.sessionId;
        if (resumed.flash) res.locals.flash = resumed.flash;
      } else {
        let visitor = (req.cookies as Record<string, string> | undefined)?.[names.visitor];
        if (!visitor || !/^[\w-]{20,64}$/.test(visitor)) {
          visitor = randomBytes(24).toString('base64url');
          // Only pages set it (a GET of /api has no use for it).
          if (!req.path.startsWith('/api') && !req.path.startsWith('/webhooks')) res.cookie(names.visitor, visitor, cookie);
        }
        identities.set(req, `visitor:${visitor}`);
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  return {
    load,
    protect: csrf.doubleCsrfProtection,
    /** The token for a page's forms (the cookie half is set with it). */
    token: (req: Request, res: Response) => csrf.generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false }),
    /** After signing in or out the identity changes: tokens are made afresh for it. */
    startSession(req: Request, res: Response, token: string, sessionId: string) {
      res.cookie(names.session, token, cookie);
      identities.set(req, sessionId);
      return csrf.generateCsrfToken(req, res, { overwrite: true });
    },
    /**
     * What an action did, for the page it redirects to: kept on the session document, never in the
     * URL, so a crafted link cannot make a page say something we did not.
     */
    async setFlash(res: Response, text: string, path: string) {
      const sessionId = res.locals.sessionId as string | undefined;
      if (sessionId) await options.signIn.sessions.setFlash(sessionId, { text: text.slice(0, 500), path });
    },
    /** The flash for this page, once: any page that shows flashes clears it (a stale one is not shown later elsewhere). */
    async takeFlash(req: Request, res: Response): Promise<string | undefined> {
      const flash = res.locals.flash as { text: string; path: string } | undefined;
      const sessionId = res.locals.sessionId as string | undefined;
      if (!flash || !sessionId) return undefined;
      delete res.locals.flash;
      await options.signIn.sessions.clearFlash(sessionId);
      return flash.path === req.path ? flash.text : undefined;
    },
    endSession(res: Response) {
      res.clearCookie(names.session, cookie);
      res.clearCookie(names.csrf, cookie);
    },
  };
}

export type WebSession = ReturnType<typeof webSession>;
