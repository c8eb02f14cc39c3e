import type { Server } from 'node:http';
import express from 'express';
import { addStaff } from '../../../src/app/admin/add-staff.js';
import type { AdminCliIo } from '../../../scripts/cli/admin-cli-io.js';
import { staffCommand } from '../../../scripts/cli/staff.js';
import type { Enrolment } from '../../../src/app/ports/case-store.js';
import type { StaffMember } from '../../../src/app/ports/staff-directory.js';
import { adminApi } from '../../../src/http/admin-api.js';
import { caseSeeder, type CaseSeeder } from '../reports/seed-cases.js';
import { openAdminFixture, type AdminFixture } from './admin-fixture.js';

/** Issue 12 item 16: a worker who goes must not leave their people behind. */
const token = 'test-admin-token-0123456789abcdef';
let fx: AdminFixture;
let seed: CaseSeeder;
let server: Server;
let base: string;
const phones = { alex: '+447700900201', sam: '+447700900202', jo: '+447700900203', bea: '+447700900204', kim: '+447700900205' };

beforeAll(async () => {
  fx = await openAdminFixture();
  seed = caseSeeder(fx.database.db);
  const app = express();
  app.use('/api', adminApi({ ...fx, adminToken: token }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fx.database.close();
});

async function member(name: string, phone: string, role: StaffMember['role'] = 'worker'): Promise<StaffMember> {
  const result = await addStaff(fx, { name, phone, role }, 'test');
  if (!result.ok) throw new Error(result.problems.join('; '));
  return (await fx.staff.get(result.value.id)) as StaffMember;
}

async function person(worker: StaffMember, status: Enrolment['status'] = 'active'): Promise<Enrolment> {
  const enrolment = await seed.enrol(worker, '2025-02-01T10:00:00Z');
  if (status !== 'active') await fx.cases.updateEnrolment(enrolment.id, { status }, new Date('2025-02-02T10:00:00Z'));
  return enrolment;
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  const output = { stdout: '', stderr: '', failed: false };
  const io: AdminCliIo = {
    run: (work) => work({ ...fx, measures: () => fx.measures }),
    out: (text) => void (output.stdout += text),
    err: (text) => void (output.stderr += text),
    fail: () => void (output.failed = true),
  };
  await staffCommand(io).exitOverride().parseAsync(args, { from: 'user' });
  return output;
}

const workerOf = async (collection: string, filter: Record<string, unknown>) =>
  (await fx.database.db.collection<{ workerId: string }>(collection).find(filter).toArray()).map((doc) => doc.workerId);

describe('removing a worker who has a caseload', () => {
  let alex: StaffMember;
  let sam: StaffMember;
  let jo: StaffMember;
  let people: Enrolment[];

  beforeAll(async () => {
    alex = await member('Alex Morgan', phones.alex);
    sam = await member('Sam Jones', phones.sam);
    jo = await member('Jo Okafor', phones.jo, 'manager');
    people = [await person(alex), await person(alex, 'paused'), await person(alex, 'pending-consent'), await person(alex, 'withdrawn')];
    const [active, paused] = people as [Enrolment, Enrolment];
    await seed.assess(active, { kind: 'baseline', status: 'completed', closesAt: '2025-02-08T10:00:00Z', completedAt: '2025-02-01T11:00:00Z' });
    await seed.assess(active, { status: 'scheduled', closesAt: '2025-03-20T10:00:00Z' });
    await seed.assess(paused, { status: 'open', closesAt: '2025-03-06T10:00:00Z' });
    await seed.alert(paused, '2025-03-01T10:00:00Z');
  });

  it('when the API is asked to remove them without naming who takes over, then it refuses with 409 listing their people, and they stay', async () => {
    expect(await call('DELETE', `/api/staff/${alex.id}`)).toEqual({
      status: 409,
      json: {
        error: 'conflict',
        problems: [expect.stringMatching(/^Alex Morgan still has 3 people on their caseload \(SU-0001, SU-0002, SU-0003\): name the worker who takes them over/)],
      },
    });
    expect(await fx.staff.get(alex.id)).not.toBeNull();
    expect(await workerOf('enrolments', {})).toEqual([alex.id, alex.id, alex.id, alex.id]);
  });

  it('when the one named to take over is not a current worker, then nothing moves and they stay', async () => {
    expect(await call('DELETE', `/api/staff/${alex.id}?reassignTo=${jo.id}`)).toMatchObject({ status: 400, json: { problems: ['reassign to: Jo Okafor is a manager; a caseload goes to a worker, who gets the daily digest of lapses'] } });
    expect(await call('DELETE', `/api/staff/${alex.id}?reassignTo=nobody`)).toMatchObject({ status: 404, json: { problems: ['reassign to: no current staff member with id "nobody"'] } });
    expect(await call('DELETE', `/api/staff/${alex.id}?reassignTo=${sam.id}&reassignTo=${jo.id}`)).toMatchObject({ status: 400 });
    expect(await fx.staff.get(alex.id)).not.toBeNull();
    expect(await fx.textsTo(phones.sam)).toEqual([]);
  });

  it('when a worker takes over, then the live enrolments, what is to come of them and the open alert move, both are told, and it is audited', async () => {
    const removed = await call('DELETE', `/api/staff/${alex.id}?reassignTo=${sam.id}`);
    expect(removed).toMatchObject({ status: 200, json: { id: alex.id, reassigned: { from: { id: alex.id }, to: { id: sam.id, name: 'Sam Jones' }, moved: 3, references: ['SU-0001', 'SU-0002', 'SU-0003'] } } });
    expect(await fx.staff.get(alex.id)).toBeNull();
    const [active, paused, pending, withdrawn] = people as [Enrolment, Enrolment, Enrolment, Enrolment];
    expect(await workerOf('enrolments', { _id: { $in: [active.id, paused.id, pending.id] } })).toEqual([sam.id, sam.id, sam.id]);
    expect(await workerOf('enrolments', { _id: withdrawn.id })).toEqual([alex.id]);
    // What is still to come follows the person; what was done stays with whoever did it.
    expect(await workerOf('assessments', { status: { $in: ['scheduled', 'open'] } })).toEqual([sam.id, sam.id]);
    expect(await workerOf('assessments', { status: 'completed' })).toEqual([alex.id]);
    expect(await workerOf('alerts', { acknowledgedAt: { $exists: false } })).toEqual([sam.id]);
    expect(await fx.textsTo(phones.sam)).toEqual(['SU-0001 and 2 others are now on your caseload, from Alex Morgan. SU-0002 has an open alert. Text STATUS to see them.']);
    expect(await fx.textsTo(phones.alex)).toEqual(["SU-0001 and 2 others have moved to Sam Jones's caseload."]);
    const audit = (await fx.auditEntries()).filter((entry) => entry.subject === alex.id).map(({ action, details }) => ({ action, details }));
    expect(audit).toEqual([
      { action: 'staff.add', details: expect.anything() },
      { action: 'caseload.reassign', details: { from: alex.id, to: sam.id, enrolments: 3, references: ['SU-0001', 'SU-0002', 'SU-0003'] } },
      { action: 'staff.remove', details: { name: 'Alex Morgan', reassignedTo: sam.id, moved: 3 } },
    ]);
  });

  it('when the CLI removes a worker with people, then it refuses and says how, and --reassign-to or staff reassign moves them', async () => {
    const bea = await member('Bea Patel', phones.bea);
    await person(bea);
    expect(await cli('remove', 'bea patel')).toEqual({ stdout: '', stderr: expect.stringMatching(/^staff remove: Bea Patel still has 1 person on their caseload \(SU-0005\): /), failed: true });
    const moved = await cli('reassign', 'Bea Patel', 'sam jones');
    expect(moved).toEqual({ stdout: "moved 1 person (SU-0005) from Bea Patel to Sam Jones; the texts telling them go out with the running server's next outbox sweep\n", stderr: '', failed: false });
    expect((await fx.textsTo(phones.sam)).at(-1)).toBe('SU-0005 is now on your caseload, from Bea Patel. Text STATUS to see them.');
    expect(await cli('reassign', 'Bea Patel', 'sam jones')).toMatchObject({ stdout: 'Bea Patel has nobody on their caseload to move\n', failed: false });
    expect(await fx.textsTo(phones.sam)).toHaveLength(2);
    expect(await cli('remove', 'Bea Patel')).toMatchObject({ failed: false, stdout: expect.stringMatching(/^removed Bea Patel /) });

    const kim = await member('Kim Lee', phones.kim);
    const removed = await cli('remove', 'sam jones', '--reassign-to', 'Kim Lee', '--json');
    expect(JSON.parse(removed.stdout)).toMatchObject({ name: 'Sam Jones', reassigned: { to: { id: kim.id }, moved: 4 } });
  });

  it('when a worker was removed before removal refused, then their orphaned people can still be moved by the removed worker\'s id', async () => {
    const gone = await member('Lee Gone', '+447700900206');
    await person(gone);
    await fx.staff.remove(gone.id, new Date('2025-03-02T10:00:00Z'));
    const kim = (await fx.staff.list()).find((m) => m.name === 'Kim Lee') as StaffMember;
    expect(await call('POST', `/api/staff/${gone.id}/reassign`, { to: kim.id })).toMatchObject({ status: 200, json: { from: { id: gone.id, name: 'Lee Gone' }, moved: 1, references: ['SU-0006'] } });
    expect((await fx.textsTo('+447700900205')).at(-1)).toBe('SU-0006 is now on your caseload, from Lee Gone. Text STATUS to see them.');
    expect(await fx.textsTo('+447700900206')).toEqual([]);
    expect(await call('POST', `/api/staff/${gone.id}/reassign`, { too: kim.id })).toMatchObject({ status: 400, json: { problems: expect.arrayContaining(['too: unknown field (check the spelling)']) } });
  });
});
