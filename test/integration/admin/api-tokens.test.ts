import type { Server } from 'node:http';
import express from 'express';
import { createMongoApiTokens, tokenId } from '../../../src/adapters/mongo/mongo-api-tokens.js';
import { createMongoSessions } from '../../../src/adapters/mongo/mongo-sessions.js';
import { addStaff } from '../../../src/app/admin/add-staff.js';
import { removeStaff } from '../../../src/app/admin/remove-staff.js';
import { authenticate } from '../../../src/http/authenticate.js';
import { spawnScript } from '../../support/spawn-script.js';
import { testEnv } from '../../support/test-config.js';
import { openAdminFixture, type AdminFixture } from './admin-fixture.js';

let fx: AdminFixture;
let server: Server;
const tokens = () => createMongoApiTokens(fx.database.db);
const cli = (...args: string[]) => spawnScript('scripts/cli.ts', ['token', ...args], { env: testEnv({ MONGODB_URI: fx.database.uri }) }).exited;
const whoAmI = async (token: string) => {
  const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/who`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: string } };
};
const tokenDoc = (token: string) => fx.database.db.collection<{ _id: string; lastUsedAt?: Date; revokedAt?: Date }>('apiTokens').findOne({ _id: tokenId(token) });

beforeAll(async () => {
  fx = await openAdminFixture();
  // The real bearer check in front of a route that says who the caller is.
  const app = express();
  app.get('/who', authenticate({ adminToken: 'the-admin-token', tokens: tokens(), staff: fx.staff }), (_req, res) => {
    res.json({ id: (res.locals.principal as { member?: { id: string } }).member?.id });
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fx.database.close();
});

const member = async (name: string, phone: string) => {
  const added = await addStaff(fx, { name, phone, role: 'worker' }, 'test');
  if (!added.ok) throw new Error(added.problems.join('; '));
  return added.value;
};

describe('API tokens', () => {
  it('when a token is issued for 30 days and listed, then the list shows its id, staff, role, issue and expiry but never the token', async () => {
    const sam = await member('Sam Token', '07700 900701');
    const issued = await cli('issue', 'Sam Token', '--days', '30', '--json');
    expect(issued).toMatchObject({ code: 0, stderr: '' });
    const { token, id, expiresAt } = JSON.parse(issued.stdout) as { token: string; id: string; expiresAt: string };
    expect(id).toBe(tokenId(token).slice(0, 12));
    const listed = await cli('list', '--json');
    const rows = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(rows).toEqual([{ id, staffId: sam.id, name: 'Sam Token', role: 'worker', issuedAt: expect.any(String), expiresAt }]);
    expect(Date.parse(expiresAt) - Date.parse(rows[0]!.issuedAt as string)).toBe(30 * 86_400_000);
    expect(listed.stdout).not.toContain(token);
    const text = await cli('list');
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+STAFF\s+ROLE\s+ISSUED\s+EXPIRES\s+LAST USED\s+REVOKED$/);
    expect(text.stdout).toMatch(new RegExp(`^${id}\\s+Sam Token\\s+worker\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+-\\s+-$`, 'm'));
    expect(await cli('issue', 'Sam Token', '--days', '0')).toMatchObject({ code: 1, stderr: expect.stringContaining('--days') });
  }, 60_000);

  it('when a token is used twice within the hour, then its last-used time is written once', async () => {
    const pat = await member('Pat Used', '07700 900702');
    const token = await tokens().issue(pat.id, new Date());
    expect(await whoAmI(token)).toEqual({ status: 200, body: { id: pat.id } });
    const first = (await tokenDoc(token))?.lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    expect(await whoAmI(token)).toEqual({ status: 200, body: { id: pat.id } });
    expect((await tokenDoc(token))?.lastUsedAt).toEqual(first);
    // An hour later (stored as if), the next use writes it again.
    const anHourAgo = new Date(first!.getTime() - 60 * 60_000);
    await fx.database.db.collection<{ _id: string; lastUsedAt?: Date }>('apiTokens').updateOne({ _id: tokenId(token) }, { $set: { lastUsedAt: anHourAgo } });
    await whoAmI(token);
    expect((await tokenDoc(token))?.lastUsedAt?.getTime()).toBeGreaterThan(anHourAgo.getTime());
  });

  it('when a token has expired or is revoked by its listed id, then it is refused with 401; revoking again says so', async () => {
    const lee = await member('Lee Ends', '07700 900703');
    const expired = await tokens().issue(lee.id, new Date(Date.now() - 91 * 86_400_000));
    const lapsedToday = await tokens().issue(lee.id, new Date(Date.now() - 86_400_000), { days: 1 });
    for (const token of [expired, lapsedToday]) expect(await whoAmI(token)).toEqual({ status: 401, body: { error: 'the token is not valid: unknown, expired or revoked (or its staff member was removed)' } });
    const live = await tokens().issue(lee.id, new Date());
    expect((await whoAmI(live)).status).toBe(200);
    const id = tokenId(live).slice(0, 12);
    expect(await cli('revoke', id)).toMatchObject({ code: 0, stdout: `revoked token ${id}\n` });
    expect((await whoAmI(live)).status).toBe(401);
    expect(await cli('revoke', id)).toMatchObject({ code: 0, stdout: `token ${id} was already revoked\n` });
    expect(await cli('revoke', 'nothing')).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a token id') });
    const revoked = (JSON.parse((await cli('list', '--json')).stdout) as Array<{ id: string; revokedAt?: string }>).find((row) => row.id === id);
    expect(revoked?.revokedAt).toEqual(expect.any(String));
    const entries = await fx.auditEntries();
    expect(entries.filter((entry) => entry.action.startsWith('token.'))).toEqual([
      expect.objectContaining({ actor: 'cli', action: 'token.issue', details: { token: expect.any(String), days: 30 } }),
      expect.objectContaining({ actor: 'cli', action: 'token.revoke', subject: lee.id, details: { token: id } }),
    ]);
  }, 60_000);

  it('when a member of staff is removed, then their tokens are refused, listed as revoked, and their web sessions end', async () => {
    const kim = await member('Kim Leaves', '07700 900704');
    const token = await tokens().issue(kim.id, new Date());
    const sessions = createMongoSessions(fx.database.db);
    await sessions.create({ id: 'session-of-kim', staffId: kim.id, createdAt: new Date(), lastSeenAt: new Date() });
    expect((await whoAmI(token)).status).toBe(200);
    expect(await removeStaff(fx, kim.id, 'test')).toMatchObject({ ok: true });
    expect((await whoAmI(token)).status).toBe(401);
    expect(await sessions.get('session-of-kim')).toBeNull();
    expect((await tokens().list()).filter((info) => info.staffId === kim.id)).toEqual([expect.objectContaining({ revokedAt: expect.any(Date) })]);
  });
});
