import type { Server } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import { adminApi } from '../../../src/http/admin-api.js';
import { openAdminFixture, phoneForms, type AdminFixture } from './admin-fixture.js';

const token = 'test-admin-token-0123456789abcdef';
let fx: AdminFixture;
let server: Server;
let base: string;

beforeAll(async () => {
  fx = await openAdminFixture();
  // Mounted as create-app.ts will mount it: before the 404 and with the same kind of error handler.
  const app = express();
  app.use('/api', adminApi({ ...fx, adminToken: token }));
  app.use((_req, res) => void res.status(404).json({ error: 'not found' }));
  app.use(((error, _req, res, _next) => void res.status(500).json({ error: String(error) })) as ErrorRequestHandler);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fx.database.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown> & { problems?: string[] }) : {}, headers: response.headers };
}

describe('the admin API', () => {
  it.each([
    ['no Authorization header', {}, /authentication required/],
    ['a wrong token', { authorization: 'Bearer not-the-token' }, /not the admin token/],
    ['a token one character short', { authorization: `Bearer ${token.slice(0, -1)}` }, /not the admin token/],
    ['another scheme', { authorization: `Basic ${token}` }, /authentication required/],
  ])('when a request has %s, then it gets 401 with a JSON error and changes nothing', async (_case, headers, error) => {
    for (const [method, path] of [['GET', '/api/staff'], ['POST', '/api/staff'], ['DELETE', '/api/staff/x'], ['GET', '/api/programmes'], ['POST', '/api/programmes']] as const) {
      const response = await call(method, path, method === 'POST' ? { name: 'Sam', phone: '07700 900123', role: 'worker' } : undefined, headers);
      expect(response.status).toBe(401);
      expect(response.json.error).toMatch(error);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
    expect(await fx.database.db.collection('staff').countDocuments()).toBe(0);
  });

  it('when a path under /api is not the admin API, then it falls through to the app unauthenticated, for other routers to answer', async () => {
    expect(await call('GET', '/api/elsewhere', undefined, {})).toMatchObject({ status: 404, json: { error: 'not found' } });
  });

  it('when staff are added, listed and removed, then the API answers 201, 200 and 200 with masked phones, and 404 once gone', async () => {
    const created = await call('POST', '/api/staff', { name: 'Sam Jones', phone: '07700 900123', role: 'manager', team: 'north' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Sam Jones', role: 'manager', team: 'north', phone: '+44 ••• ••• 123', id: expect.any(String) });
    const id = String(created.json.id);
    const listed = await call('GET', '/api/staff?role=manager&team=north');
    expect(listed).toMatchObject({ status: 200, json: [{ id, name: 'Sam Jones', phone: '+44 ••• ••• 123' }] });
    expect(await call('GET', '/api/staff?role=worker')).toMatchObject({ status: 200, json: [] });
    for (const form of phoneForms('+447700900123')) expect(created.text + listed.text).not.toContain(form);

    expect(await call('DELETE', `/api/staff/${id}`)).toMatchObject({ status: 200, json: { id, name: 'Sam Jones', removedAt: expect.any(String) } });
    expect(await call('DELETE', `/api/staff/${id}`)).toMatchObject({ status: 404, json: { error: 'not found', problems: [`no current staff member with id "${id}"`] } });
    expect(await call('DELETE', '/api/staff/Sam%20Jones')).toMatchObject({ status: 404 });
    expect(await call('GET', '/api/staff')).toMatchObject({ status: 200, json: [] });
    expect((await fx.auditEntries()).map((entry) => [entry.actor, entry.action, entry.subject])).toEqual([['admin-api', 'staff.add', id], ['admin-api', 'staff.remove', id]]);
  });

  it('when input is invalid, then the answer is 400 with every problem listed', async () => {
    const response = await call('POST', '/api/staff', { name: '', phone: '12', role: 'chief', colour: 'blue' });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: 'invalid request',
      problems: expect.arrayContaining(['name: is required', 'phone: 12 is too short', 'role: must be worker, manager, admin or analyst', 'colour: unknown field (check the spelling)']),
    });
    expect(await call('GET', '/api/staff?role=chief')).toMatchObject({ status: 400, json: { problems: ['role: must be worker, manager, admin or analyst'] } });
    expect(await call('POST', '/api/staff')).toMatchObject({ status: 400, json: { problems: [expect.stringMatching(/^expected a JSON object/)] } });
  });

  it('when the body is malformed or too large, then the answer is 400 or 413 and nothing is stored', async () => {
    expect(await call('POST', '/api/staff', '{"name": "Sam",')).toMatchObject({ status: 400, json: { error: 'malformed request', problems: ['the request body is not valid JSON'] } });
    const huge = JSON.stringify({ name: 'x'.repeat(70 * 1024), phone: '07700 900123', role: 'worker' });
    expect(await call('POST', '/api/staff', huge)).toMatchObject({ status: 413, json: { error: 'request body too large' } });
    expect(await fx.database.db.collection('staff').countDocuments({ phoneHash: fx.phones.hash('+447700900123') })).toBe(0);
  });

  it('when a number is already in use, then the answer is 409 naming who holds it', async () => {
    await call('POST', '/api/staff', { name: 'Ann Smith', phone: '07700 900555', role: 'worker' });
    const response = await call('POST', '/api/staff', { name: 'Bob', phone: '+447700900555', role: 'worker' });
    expect(response).toMatchObject({ status: 409, json: { error: 'already exists', problems: [expect.stringContaining('already belongs to Ann Smith')] } });
  });

  it('when programmes are added and listed, then 201 carries the plan and default, 400 lists plan and measure problems, 409 a taken name', async () => {
    const created = await call('POST', '/api/programmes', { name: 'Wellbeing', measureId: 'phq9', followUps: ['6w', '12w'], window: '7d', discharge: '0d', reminders: [2, 5], progressMessages: true });
    expect(created).toMatchObject({
      status: 201,
      json: { slug: 'wellbeing', isDefault: true, progressMessages: true, plan: { followUps: [{ id: '6w', offsetDays: 42 }, { id: '12w', offsetDays: 84 }], discharge: { offsetDays: 0, windowAfterDays: 7 } } },
    });
    const second = await call('POST', '/api/programmes', { name: 'Anxiety', measureId: 'gad7', followUps: ['4w'], isDefault: true });
    expect(second).toMatchObject({ status: 201, json: { isDefault: true } });
    const listed = await call('GET', '/api/programmes');
    expect((listed.json as unknown as { name: string; isDefault: boolean }[]).map((p) => [p.name, p.isDefault])).toEqual([['Wellbeing', false], ['Anxiety', true]]);

    const bad = await call('POST', '/api/programmes', { name: 'Licensed', measureId: 'wemwbs', followUps: ['6 weeks', '2w'] });
    expect(bad.status).toBe(400);
    expect(bad.json.problems).toEqual(expect.arrayContaining([expect.stringContaining('wemwbs.wording.json'), expect.stringMatching(/^followUps\[1\]: list follow-ups in time order/)]));
    expect(await call('POST', '/api/programmes', { name: 'WELLBEING', measureId: 'gad7', followUps: ['4w'] })).toMatchObject({ status: 409, json: { error: 'already exists' } });
    expect((await fx.auditEntries()).filter((entry) => entry.action === 'programme.add').map((entry) => entry.actor)).toEqual(['admin-api', 'admin-api']);
  });
  it('when a programme of several measures is added, shown, edited and retired over the API, then each answers as the CLI does', async () => {
    const created = await call('POST', '/api/programmes', { name: 'Mood', measures: ['ons4', 'phq9'], measuresAt: { discharge: ['ons4'] }, followUps: ['6w'], discharge: '0d' });
    expect(created).toMatchObject({ status: 201, json: { measureId: 'ons4', questionnaire: { measures: ['ons4', 'phq9'], at: { discharge: ['ons4'] } } } });
    const id = (created.json as unknown as { id: string }).id;
    const shown = await call('GET', `/api/programmes/${id}`);
    expect(shown).toMatchObject({ status: 200, json: { timepoints: [{ timepointId: 'baseline', questions: 13 }, { timepointId: '6w', questions: 13 }, { timepointId: 'discharge', questions: 4 }] } });
    const refused = await call('PATCH', `/api/programmes/${id}`, { measures: ['ons4', 'swemwbs'], measuresAt: { '12w': ['ons4'] } });
    expect(refused).toMatchObject({ status: 400, json: { problems: [expect.stringContaining('swemwbs.wording.json'), 'measuresAt.12w: this programme has no timepoint "12w" (it has baseline, 6w, discharge)'] } });
    expect(await call('PATCH', `/api/programmes/${id}`, { measures: ['ons4'] })).toMatchObject({ status: 200, json: { planVersion: 2, questionnaire: { measures: ['ons4'] } } });
    expect(await call('POST', `/api/programmes/${id}/retire`)).toMatchObject({ status: 200, json: { retiredAt: expect.any(String) } });
    expect(await call('POST', `/api/programmes/${id}/retire`)).toMatchObject({ status: 409, json: { problems: [expect.stringMatching(/^Mood was already retired on /)] } });
    expect(await call('PATCH', '/api/programmes/nope', { measures: ['ons4'] })).toMatchObject({ status: 404 });
    expect((await fx.auditEntries()).filter((e) => e.action === 'programme.edit' || e.action === 'programme.retire').map((e) => [e.actor, e.action])).toEqual([['admin-api', 'programme.edit'], ['admin-api', 'programme.retire']]);
  });
});
