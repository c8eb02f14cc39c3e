import { addProgramme } from '../../../src/app/admin/add-programme.js';
import { listProgrammes } from '../../../src/app/admin/list-programmes.js';
import type { Programme } from '../../../src/app/ports/programme-catalogue.js';
import { openAdminFixture, type AdminFixture } from './admin-fixture.js';
import { clearAuditLog } from '../../support/sealed-audit-log.js';

let fx: AdminFixture;
beforeAll(async () => (fx = await openAdminFixture()));
afterAll(async () => fx.database.close());
beforeEach(async () => {
  for (const name of ['programmes', 'settings']) await fx.database.db.collection(name).deleteMany({});
  await clearAuditLog(fx.database.db);
});

async function added(input: Record<string, unknown>): Promise<Programme> {
  const result = await addProgramme(fx, input, 'cli');
  if (!result.ok) throw new Error(`expected the programme to be added: ${result.problems.join('; ')}`);
  return result.value;
}

async function defaults(): Promise<string[]> {
  return (await listProgrammes(fx)).filter((p) => p.isDefault).map((p) => p.name);
}

describe('programmes', () => {
  it('when a programme is added with offsets, a window, a discharge and reminders, then its plan is stored in days and it becomes the default', async () => {
    const programme = await added({ name: 'Talking Therapies (Adults)', measureId: 'phq9', followUps: ['6w', '12w'], window: '7d', discharge: '2w', reminders: [2, 5] });
    expect(programme).toMatchObject({
      slug: 'talking-therapies-adults',
      measureId: 'phq9',
      isDefault: true,
      progressMessages: false,
      plan: {
        followUps: [
          { id: '6w', offsetDays: 42, windowBeforeDays: 7, windowAfterDays: 7 },
          { id: '12w', offsetDays: 84, windowBeforeDays: 7, windowAfterDays: 7 },
        ],
        discharge: { offsetDays: 14, windowAfterDays: 7 },
        reminders: { afterDays: [2, 5] },
      },
    });
    expect(await fx.programmes.get(programme.id)).toEqual(programme);
    expect(await fx.programmes.find('TALKING therapies (adults)')).toEqual(programme);
    expect(await fx.programmes.find('talking-therapies-adults')).toEqual(programme);
    expect(await fx.programmes.find('nothing-like-it')).toBeNull();
  });

  it('when more programmes are added, then the first stays the default until another is added as the default, and exactly one ever is', async () => {
    expect(await fx.programmes.getDefault()).toBeNull();
    await added({ name: 'First', measureId: 'phq9', followUps: ['6w'] });
    const second = await added({ name: 'Second', measureId: 'gad7', followUps: ['6w'], progressMessages: true });
    expect(second).toMatchObject({ isDefault: false, progressMessages: true });
    expect(await defaults()).toEqual(['First']);
    const third = await added({ name: 'Third', measureId: 'core10', followUps: ['4w', '8w'], isDefault: true });
    expect(third.isDefault).toBe(true);
    expect(await defaults()).toEqual(['Third']);
    await added({ name: 'Fourth', measureId: 'phq9', followUps: ['6w'] });
    expect((await fx.programmes.getDefault())?.name).toBe('Third');
    await added({ name: 'Fifth', measureId: 'phq9', followUps: ['6w'], isDefault: true });
    expect(await defaults()).toEqual(['Fifth']);
    expect((await listProgrammes(fx)).map((p) => p.name)).toEqual(['First', 'Second', 'Third', 'Fourth', 'Fifth']);
  });

  it('when the measure is unknown or a skeleton without licensed wording, then the refusal says so', async () => {
    const unknown = await addProgramme(fx, { name: 'X', measureId: 'phq99', followUps: ['6w'] }, 'cli');
    expect(unknown).toEqual({ ok: false, kind: 'invalid', problems: [expect.stringMatching(/^measureId: no measure "phq99" \(loaded: .*phq9/)] });
    const skeleton = await addProgramme(fx, { name: 'X', measureId: 'swemwbs', followUps: ['6w'] }, 'cli');
    expect(skeleton).toEqual({ ok: false, kind: 'invalid', problems: [expect.stringContaining('swemwbs.wording.json')] });
    expect(await fx.database.db.collection('programmes').countDocuments()).toBe(0);
  });

  it('when offsets are bad, then every problem from the plan is listed at once, with the measure problem, and nothing is stored', async () => {
    const result = await addProgramme(fx, { name: 'Bad', measureId: 'swemwbs', followUps: ['6x', '3 months', '2w', '1w'], window: '7x', reminders: [5, 2] }, 'cli');
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('measureId: '),
      expect.stringMatching(/^followUps\[0\]: "6x": unknown unit "x"/),
      expect.stringMatching(/^followUps\[1\]: "3 months": months vary in length/),
      expect.stringMatching(/^followUps\[3\]: list follow-ups in time order/),
      'reminders: list reminder days in increasing order without repeats',
    ]));
    // One bad window is one problem, not one per follow-up.
    expect(problems.filter((problem) => problem.startsWith('window: "7x"'))).toHaveLength(1);
    expect(await addProgramme(fx, { name: 'Overlap', measureId: 'phq9', followUps: ['2w', '3w'], window: '7d' }, 'cli')).toMatchObject({
      problems: ['followUps[1]: the window of "3w" opens on or before the day the window of "2w" closes'],
    });
    expect(await addProgramme(fx, { name: 'Nothing', measureId: 'phq9', followUps: [] }, 'cli')).toMatchObject({ problems: [expect.stringMatching(/^followUps: give at least one/)] });
    expect(await addProgramme(fx, { name: 'Late', measureId: 'phq9', followUps: ['6w'], window: '2d', reminders: [2, 5] }, 'cli')).toMatchObject({
      problems: [expect.stringMatching(/^reminders: a reminder on day 5 falls after the window/)],
    });
    expect(await fx.database.db.collection('programmes').countDocuments()).toBe(0);
  });

  it('when the input has the wrong shape, then each field says what it needs', async () => {
    const result = await addProgramme(fx, { name: '', measure: 'phq9', followUps: '6w', reminders: ['2'], isDefault: 'yes' }, 'cli');
    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      problems: expect.arrayContaining([
        'name: is required',
        'measure: unknown field (check the spelling)',
        'measureId: is required (a measure id such as "phq9")',
        'followUps: is required: a list of offsets such as ["6w", "12w"]',
        'reminders[0]: must be whole numbers of days, e.g. [2, 5]',
        'isDefault: must be true or false',
      ]),
    });
    expect(await addProgramme(fx, { name: '!!!', measureId: 'phq9', followUps: ['6w'] }, 'cli')).toMatchObject({ problems: [expect.stringMatching(/^name: must contain a letter or digit/)] });
  });

  it('when a name is taken, in any case or punctuation, then the new programme is refused as a duplicate and the first is untouched', async () => {
    const first = await added({ name: 'Wellbeing Check', measureId: 'phq9', followUps: ['6w'] });
    expect(await addProgramme(fx, { name: 'Wellbeing Check', measureId: 'gad7', followUps: ['4w'] }, 'cli')).toEqual({
      ok: false, kind: 'duplicate', problems: ['name: a programme called "Wellbeing Check" already exists; choose another name'],
    });
    expect(await addProgramme(fx, { name: 'wellbeing: check!', measureId: 'gad7', followUps: ['4w'], isDefault: true }, 'cli')).toMatchObject({
      kind: 'duplicate', problems: [expect.stringContaining('("Wellbeing Check" has the same short name "wellbeing-check")')],
    });
    expect(await listProgrammes(fx)).toEqual([first]);
  });

  it('when a programme is added, then the audit log records who added it', async () => {
    const programme = await added({ name: 'Wellbeing', measureId: 'phq9', followUps: ['6w'] });
    expect(await fx.auditEntries()).toMatchObject([
      { actor: 'cli', action: 'programme.add', subject: programme.id, details: { name: 'Wellbeing', slug: 'wellbeing', measureId: 'phq9', isDefault: false } },
    ]);
  });
});
