import type { Request, Response } from 'express';

/** After a POST, back to a page that says what happened (one place, so how it is carried is decided once). */
export function redirectWithNotice(_req: Request, res: Response, path: string, said: string): void {
  res.redirect(303, `${path}?${new URLSearchParams({ done: said }).toString()}`);
}

/** The notice a redirect left for this page, if any. */
export function noticeOf(req: Request): string | undefined {
  return typeof req.query.done === 'string' ? req.query.done.slice(0, 300) : undefined;
}
