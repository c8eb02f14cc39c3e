import type { Request, Response } from 'express';
import type { WebSession } from './web-session.js';

/**
 * After a POST, back to a page that says what happened. The words travel in a one-time flash on the
 * session document, not in the URL: a link someone crafts cannot put text of theirs on our page.
 */
export async function redirectWithNotice(session: WebSession, res: Response, path: string, said: string): Promise<void> {
  await session.setFlash(res, said, path);
  res.redirect(303, path);
}

/** The notice a redirect left for this page, if any (shown once). */
export function noticeOf(session: WebSession, req: Request, res: Response): Promise<string | undefined> {
  return session.takeFlash(req, res);
}
