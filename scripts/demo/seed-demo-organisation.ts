import type { Db } from 'mongodb';
import { addProgramme, type AddProgrammeDeps } from '../../src/app/admin/add-programme.js';
import { addStaff, type AddStaffDeps } from '../../src/app/admin/add-staff.js';

/** The demo's people: numbers from Ofcom's drama range (07700 900xxx), which can never reach anyone. */
export const demoStaff = [
  { name: 'Alex Morgan', phone: '07700 900101', role: 'worker' },
  { name: 'Sam Patel', phone: '07700 900102', role: 'worker' },
  { name: 'Jo Okafor', phone: '07700 900100', role: 'manager' },
] as const;

export const demoProgramme = { name: 'Wellbeing check', measureId: 'ons4', followUps: ['6w'], isDefault: true };

/**
 * Seeds the demo organisation once, through the same use cases as the admin API and CLI. A marker
 * in `settings` says it is done, so staff removed or renamed in a demo stay that way on restart;
 * a seed interrupted half-way is finished next time (duplicates are refused, which is fine).
 */
export async function seedDemoOrganisation(db: Db, deps: AddStaffDeps & AddProgrammeDeps): Promise<'seeded' | 'already-seeded'> {
  const settings = db.collection<{ _id: string; at: Date }>('settings');
  if (await settings.findOne({ _id: 'demo-seeded' })) return 'already-seeded';
  for (const member of demoStaff) {
    const result = await addStaff(deps, { ...member }, 'demo');
    if (!result.ok && result.kind !== 'duplicate') throw new Error(`demo staff not added: ${result.problems.join('; ')}`);
  }
  const programme = await addProgramme(deps, demoProgramme, 'demo');
  if (!programme.ok && programme.kind !== 'duplicate') throw new Error(`demo programme not added: ${programme.problems.join('; ')}`);
  await settings.insertOne({ _id: 'demo-seeded', at: new Date() });
  return 'seeded';
}
