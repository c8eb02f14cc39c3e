import express, { type Response } from 'express';
import { z } from 'zod';
import { describeInputIssues } from '../app/admin/admin-result.js';
import type { SimulatorBackend, SimulatorClockState, SimulatorText } from '../adapters/simulator/simulator-backend.js';
import { normalisePhoneNumber } from '../domain/messaging/phone-number.js';
import { simulatorPage, simulatorStyles } from './simulator-page.js';
import { simulatorScript } from './simulator-script.js';

const phone = z.string({ error: 'is required (a phone number such as 07700 900123)' }).max(40, 'is too long for a phone number').transform((text, ctx) => {
  const result = normalisePhoneNumber(text);
  if (result.ok) return result.e164;
  ctx.addIssue({ code: 'custom', message: result.reason });
  return z.NEVER;
});
const typedText = z.strictObject({
  from: phone,
  body: z.string({ error: 'is required' }).max(1600, 'must be 1600 characters or fewer (about 10 SMS)')
    .refine((body) => body.trim() !== '', 'is empty'),
});
const addedPhone = z.strictObject({ phone });
const skip = z.strictObject({ to: z.enum(['next', 'day', 'week'], { error: 'must be "next", "day" or "week"' }) });

/**
 * /simulator: the page (HTML, CSS and a small script, no external assets) and its JSON API.
 * - GET  /api/state     phones, the texts so far, the demo clock and the next scheduled event
 * - GET  /api/clock     the demo clock and the next scheduled event
 * - GET  /api/events    server-sent events: `text` (a text on a phone's thread) and `clock` (after a skip)
 * - POST /api/messages  {from, body}: type as a phone; 202 once recorded, the bot's replies follow as events
 * - POST /api/phones    {phone}: who holds a number, to open a thread for it
 * - POST /api/skip      {to: "next" | "day" | "week"}: move the demo clock forward (409 when it cannot)
 */
export function simulatorRouter(backend: SimulatorBackend, orgName: string): express.Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });

  router.get('/', (_req, res) => {
    res.set(securityHeaders).type('html').send(simulatorPage(orgName));
  });
  router.get('/app.css', (_req, res) => void res.set(securityHeaders).type('css').send(simulatorStyles));
  router.get('/app.js', (_req, res) => void res.set(securityHeaders).type('js').send(simulatorScript));

  router.get('/api/state', async (_req, res) => void res.set('cache-control', 'no-store').json(await backend.state()));
  router.get('/api/clock', async (_req, res) => void res.set('cache-control', 'no-store').json(await backend.clockState()));
  router.get('/api/events', (req, res) => streamEvents(backend, req, res));

  router.post('/api/messages', json, async (req, res) => {
    const parsed = typedText.safeParse(req.body);
    if (!parsed.success) return void invalid(res, parsed.error);
    res.status(202).json(await backend.type(parsed.data.from, parsed.data.body));
  });
  router.post('/api/phones', json, async (req, res) => {
    const parsed = addedPhone.safeParse(req.body);
    if (!parsed.success) return void invalid(res, parsed.error);
    res.json(await backend.describe(parsed.data.phone));
  });
  router.post('/api/skip', json, async (req, res) => {
    const parsed = skip.safeParse(req.body);
    if (!parsed.success) return void invalid(res, parsed.error);
    const result = await backend.skip(parsed.data.to);
    if (result.ok) res.json(result.clock);
    else res.status(409).json({ error: result.reason });
  });
  return router;
}

function invalid(res: Response, error: z.ZodError): void {
  res.status(400).json({ error: 'invalid request', problems: describeInputIssues(error.issues) });
}

/** Server-sent events until the page goes away or the server stops (the backend's 'close'). */
function streamEvents(backend: SimulatorBackend, req: express.Request, res: Response): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  // retry: how soon the browser reconnects after a restart; the page then reloads the state it missed.
  res.write('retry: 2000\n\n');
  const send = (event: string) => (data: unknown) => void res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const onText = send('text') as (text: SimulatorText) => void;
  const onClock = send('clock') as (clock: SimulatorClockState) => void;
  const onClose = () => res.end();
  // A comment now and then keeps proxies and idle timers from cutting a quiet stream.
  const heartbeat = setInterval(() => res.write(': still here\n\n'), 20_000).unref();
  backend.events.on('text', onText).on('clock', onClock).once('close', onClose);
  req.on('close', () => {
    clearInterval(heartbeat);
    backend.events.off('text', onText).off('clock', onClock).off('close', onClose);
  });
}

const securityHeaders = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
