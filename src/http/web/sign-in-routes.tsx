import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { requestSignInCode } from '../../app/sign-in/request-sign-in-code.js';
import { endSession } from '../../app/sign-in/resume-session.js';
import { sessionIdOf, verifySignInCode } from '../../app/sign-in/verify-sign-in-code.js';
import type { SignInDeps } from '../../app/sign-in/sign-in-deps.js';
import { normalisePhoneNumber } from '../../domain/messaging/phone-number.js';
import { CodePage } from '../pages/code-page.js';
import { MessagePage } from '../pages/message-page.js';
import { SignInPage } from '../pages/sign-in-page.js';
import { renderPage } from './render-page.js';
import type { WebSession } from './web-session.js';

const phoneForm = z.object({ phone: z.string().max(40).default('') });
const codeForm = z.object({ phone: z.string().max(40).default(''), code: z.string().max(20).default('') });

/**
 * /sign-in, /sign-in/code, /sign-out. Rate limits (express-rate-limit, in-memory store: one
 * process serves the web app; with several, each holds its own count, and the code's five attempts,
 * counted in the database, stay the real limit): per client address and per number (its keyed hash,
 * counted whether or not it is staff, so the limit says nothing about who is).
 */
export function signInRoutes(deps: { signIn: SignInDeps; session: WebSession; orgName: string }): express.Router {
  const router = express.Router();
  const { orgName, session } = deps;
  const numberKey = (req: express.Request) => {
    const phone = normalisePhoneNumber(String((req.body as Record<string, unknown>)?.phone ?? ''));
    return phone.ok ? `n:${deps.signIn.phones.hash(phone.e164)}` : 'n:invalid';
  };
  const tooMany: Parameters<typeof rateLimit>[0] = {
    windowMs: 15 * 60_000, standardHeaders: 'draft-8', legacyHeaders: false, validate: { trustProxy: false, xForwardedForHeader: false },
    handler: (_req, res) => renderPage(res, <MessagePage orgName={orgName} title="Too many tries" message="Too many sign-in tries. Wait 15 minutes, then try again." link={{ href: '/sign-in', text: 'Back to sign in' }} />, 429),
  };
  const codesByAddress = rateLimit({ ...tooMany, limit: 30 });
  const codesByNumber = rateLimit({ ...tooMany, limit: 5, keyGenerator: numberKey });
  const triesByAddress = rateLimit({ ...tooMany, limit: 60 });
  const triesByNumber = rateLimit({ ...tooMany, limit: 15, keyGenerator: numberKey });

  router.get('/sign-in', (req, res) => {
    if (res.locals.viewer) return res.redirect(303, '/');
    renderPage(res, <SignInPage orgName={orgName} csrf={session.token(req, res)} notice={req.query.signedOut === '1' ? 'You have signed out.' : undefined} />);
  });

  router.post('/sign-in', codesByAddress, codesByNumber, async (req, res) => {
    const form = phoneForm.safeParse(req.body);
    const phone = form.success ? form.data.phone : '';
    const result = await requestSignInCode(deps.signIn, phone);
    if (!result.ok) {
      return renderPage(res, <SignInPage orgName={orgName} csrf={session.token(req, res)} phone={phone} errors={[{ field: 'phone', message: phone.trim() === '' ? 'Enter your mobile number' : result.reason }]} />, 400);
    }
    renderPage(res, <CodePage orgName={orgName} csrf={session.token(req, res)} phone={phone.trim()} />);
  });

  router.post('/sign-in/code', triesByAddress, triesByNumber, async (req, res) => {
    const form = codeForm.safeParse(req.body);
    const { phone, code } = form.success ? form.data : { phone: '', code: '' };
    if (!/^\s*\d{6}\s*$/.test(code)) {
      return renderPage(res, <CodePage orgName={orgName} csrf={session.token(req, res)} phone={phone} errors={[{ field: 'code', message: 'Enter the 6-digit code from the text' }]} />, 400);
    }
    const verified = await verifySignInCode(deps.signIn, phone, code);
    if (!verified.ok) return renderPage(res, <CodePage orgName={orgName} csrf={session.token(req, res)} phone={phone} errors={[{ field: 'code', message: verified.reason }]} />, 400);
    session.startSession(req, res, verified.token, sessionIdOf(deps.signIn, verified.token));
    res.redirect(303, '/');
  });

  router.post('/sign-out', async (req, res) => {
    const token = res.locals.sessionToken as string | undefined;
    if (token && res.locals.viewer) await endSession(deps.signIn, token, (res.locals.viewer as { id: string }).id);
    session.endSession(res);
    res.redirect(303, '/sign-in?signedOut=1');
  });
  return router;
}
