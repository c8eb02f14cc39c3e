import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A page component rendered to HTML (preact escapes every text and attribute). Never cached: pages hold personal data. */
export function renderPage(res: Response, page: VNode, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(`<!doctype html>${render(page)}`);
}
