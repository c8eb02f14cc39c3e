import { addStaff } from '../../../src/app/admin/add-staff.js';
import { listStaff } from '../../../src/app/admin/list-staff.js';
import { removeStaff } from '../../../src/app/admin/remove-staff.js';
import type { StaffView } from '../../../src/app/admin/staff-view.js';
import { openAdminFixture, phoneForms, type AdminFixture } from './admin-fixture.js';
import { clearAuditLog } from '../../support/sealed-audit-log.js';

let fx: AdminFixture;
beforeAll(async () => (fx = await openAdminFixture()));
afterAll(async () => fx.database.close());
beforeEach(async () => {
  await fx.database.db.collection('staff').deleteMany({});
  await clearAuditLog(fx.database.db);
});

async function added(input: Record<string, unknown>): Promise<StaffView> {
  const result = await addStaff(fx, input, 'cli');
  if (!result.ok) throw new Error(`expected the member to be added: ${result.problems.join('; ')}`);
  return result.value;
}

async function listed(filter: Record<string, unknown> = {}): Promise<StaffView[]> {
  const result = await listStaff(fx, filter);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.value;
}

describe('staff', () => {
  it('when a worker is added, then the list shows their name, role, team, masked phone and id, and the number is stored only encrypted and hashed', async () => {
    const member = await added({ name: 'Sam Jones', phone: '07700 900123', role: 'worker' });
    expect(member).toMatchObject({ name: 'Sam Jones', role: 'worker', team: 'main', phone: '+44 ••• ••• 123' });
    expect(await listed()).toEqual([member]);
    const stored = await fx.database.db.collection('staff').findOne({ _id: member.id as never });
    expect(stored).toMatchObject({ phoneHash: fx.phones.hash('+447700900123') });
    expect(fx.phones.decrypt(String(stored?.phoneEnc))).toBe('+447700900123');
    for (const form of phoneForms('+447700900123')) expect(JSON.stringify(stored)).not.toContain(form);
  });

  it('when staff are listed by role or team, then only those members are shown', async () => {
    await added({ name: 'Ann', phone: '07700 900001', role: 'worker', team: 'north' });
    await added({ name: 'Bob', phone: '07700 900002', role: 'manager', team: 'north' });
    await added({ name: 'Cat', phone: '07700 900003', role: 'worker', team: 'south' });
    expect((await listed({ role: 'worker' })).map((m) => m.name)).toEqual(['Ann', 'Cat']);
    expect((await listed({ team: 'north' })).map((m) => m.name)).toEqual(['Ann', 'Bob']);
    expect((await listed({ role: 'worker', team: 'south' })).map((m) => m.name)).toEqual(['Cat']);
    expect(await listStaff(fx, { role: 'boss' })).toEqual({ ok: false, kind: 'invalid', problems: ['role: must be worker, manager, admin or analyst'] });
  });

  it('when a number already belongs to someone, then adding it again in another format is refused naming who has it', async () => {
    const first = await added({ name: 'Sam Jones', phone: '07700 900123', role: 'worker' });
    const result = await addStaff(fx, { name: 'Pat Lee', phone: '+44 7700 900123', role: 'manager' }, 'cli');
    expect(result).toEqual({ ok: false, kind: 'duplicate', problems: [expect.stringContaining(`already belongs to Sam Jones (id ${first.id})`)] });
    expect((await listed()).map((m) => m.name)).toEqual(['Sam Jones']);
  });

  it('when the phone number is invalid, then the normaliser says why, with every other problem, and nothing is stored', async () => {
    const result = await addStaff(fx, { name: ' ', phone: '07700 90012', role: 'boss', extra: 1 }, 'cli');
    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      problems: expect.arrayContaining(['name: is required', 'phone: 07700 90012 is too short', 'role: must be worker, manager, admin or analyst', 'extra: unknown field (check the spelling)']),
    });
    expect(await addStaff(fx, { name: 'Sam', phone: '0800 123 4567', role: 'worker' }, 'cli')).toMatchObject({ kind: 'invalid', problems: ["phone: 0800 123 4567 isn't a mobile or landline number"] });
    expect(await fx.database.db.collection('staff').countDocuments()).toBe(0);
    expect(await fx.auditEntries()).toEqual([]);
  });

  it('when a member is removed, then they leave the list but keep their record, and their number can be given to someone else', async () => {
    const sam = await added({ name: 'Sam Jones', phone: '07700 900123', role: 'worker' });
    const other = await added({ name: 'Ann', phone: '07700 900124', role: 'worker' });
    expect(await removeStaff(fx, sam.id, 'cli')).toMatchObject({ ok: true, value: { id: sam.id, name: 'Sam Jones' } });
    expect((await listed()).map((m) => m.name)).toEqual(['Ann']);
    expect(await fx.staff.findByPhoneHash(fx.phones.hash('+447700900123'))).toBeNull();
    const record = await fx.database.db.collection('staff').findOne({ _id: sam.id as never });
    expect(record).toMatchObject({ name: 'Sam Jones', formerPhoneHash: fx.phones.hash('+447700900123'), removedAt: expect.any(Date) });
    expect(record).not.toHaveProperty('phoneEnc');

    const successor = await added({ name: 'Pat Lee', phone: '+447700900123', role: 'worker' });
    expect((await fx.staff.findByPhoneHash(fx.phones.hash('+447700900123')))?.id).toBe(successor.id);
    // A second removal must not collide with the first on the unique phone index.
    expect(await removeStaff(fx, other.id, 'cli')).toMatchObject({ ok: true });
    expect(await removeStaff(fx, successor.id, 'cli')).toMatchObject({ ok: true });
    expect(await added({ name: 'Sam Jones', phone: '07700 900123', role: 'worker' })).toMatchObject({ name: 'Sam Jones' });
  });

  it('when a member is removed by name, then any case matches, and a name shared by two asks for an id', async () => {
    const ann = await added({ name: 'Ann Smith', phone: '07700 900001', role: 'worker' });
    const sam1 = await added({ name: 'Sam', phone: '07700 900002', role: 'worker' });
    const sam2 = await added({ name: 'Sam', phone: '07700 900003', role: 'manager' });
    const ambiguous = await removeStaff(fx, 'sam', 'cli', { matchName: true });
    expect(ambiguous).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!ambiguous.ok && ambiguous.problems[0]).toEqual(expect.stringContaining(`"sam" matches 2 staff members`));
    expect(!ambiguous.ok && ambiguous.problems[0]).toEqual(expect.stringContaining(sam1.id));
    expect(!ambiguous.ok && ambiguous.problems[0]).toEqual(expect.stringContaining(sam2.id));
    expect(await removeStaff(fx, 'ANN SMITH', 'cli', { matchName: true })).toMatchObject({ ok: true, value: { id: ann.id } });
    expect(await removeStaff(fx, 'Ann Smith', 'cli', { matchName: true })).toEqual({ ok: false, kind: 'not-found', problems: ['no current staff member with id or name "Ann Smith"'] });
    expect(await removeStaff(fx, 'Sam', 'cli')).toEqual({ ok: false, kind: 'not-found', problems: ['no current staff member with id "Sam"'] });
  });

  it('when staff are added and removed, then each change is audited with actor, action and subject, and no phone number', async () => {
    const sam = await added({ name: 'Sam Jones', phone: '07700 900123', role: 'worker', team: 'north' });
    await removeStaff(fx, sam.id, 'admin-api');
    const entries = await fx.auditEntries();
    expect(entries).toMatchObject([
      { actor: 'cli', action: 'staff.add', subject: sam.id, details: { name: 'Sam Jones', role: 'worker', team: 'north' } },
      { actor: 'admin-api', action: 'staff.remove', subject: sam.id },
    ]);
    const text = JSON.stringify(entries);
    for (const secret of [...phoneForms('+447700900123'), fx.phones.hash('+447700900123'), '900123']) expect(text).not.toContain(secret);
  });
});
