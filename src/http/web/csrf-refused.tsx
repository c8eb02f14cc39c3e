import type { Response } from 'express';
import { MessagePage } from '../pages/message-page.js';
import { renderPage } from './render-page.js';

/** A form whose CSRF token is missing or wrong: a page a person can act on (reload and try again), 403. */
export function csrfRefused(res: Response, orgName: string): void {
  renderPage(res, (
    <MessagePage orgName={orgName} title="This form has expired"
      message="The form was open too long, or it did not come from this site, so nothing was changed. Go back, reload the page and try again."
      link={{ href: '/', text: 'Go home' }} />
  ), 403);
}
