import type { AdminCliIo } from '../../../scripts/cli/admin-cli-io.js';
import { programmeCommand } from '../../../scripts/cli/programme.js';
import { editProgramme } from '../../../src/app/admin/edit-programme.js';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';
import { measuresDirectory } from '../../support/satisfaction-measure.js';
import { openAdminFixture, type AdminFixture } from './admin-fixture.js';

let fx: AdminFixture;
const measures = loadMeasures([measuresDirectory()]);
beforeAll(async () => (fx = await openAdminFixture()));
afterAll(async () => fx.database.close());

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  const output = { stdout: '', stderr: '', failed: false };
  const io: AdminCliIo = {
    run: (work) => work({ ...fx, measures: () => measures, orgName: 'Test Community Trust' }),
    out: (text) => void (output.stdout += text),
    err: (text) => void (output.stderr += text),
    fail: () => void (output.failed = true),
  };
  await programmeCommand(io).exitOverride().parseAsync(args, { from: 'user' });
  return output;
}

describe('programmes with several measures', () => {
  it('when a programme is added with --measures and --measures-at, then each timepoint has its list and the default programme is made', async () => {
    const added = await cli('add', '--name', 'Wellbeing', '--measures', 'ons4,coping-and-support', '--measures-at', 'discharge=ons4,satisfaction', '--followups', '6w,12w', '--discharge', '0d', '--default');
    expect(added).toMatchObject({ failed: false, stderr: '' });
    expect(added.stdout).toMatch(/^added programme "Wellbeing" \(type wellbeing after ENROL\), measures ons4, coping-and-support; at discharge: ons4, satisfaction\n/);
    const stored = await fx.programmes.find('wellbeing');
    expect(stored).toMatchObject({ measureId: 'ons4', questionnaire: { measures: ['ons4', 'coping-and-support'], at: { discharge: ['ons4', 'satisfaction'] } } });
    expect((await fx.auditEntries()).at(-1)).toMatchObject({ action: 'programme.add', details: { measures: ['ons4', 'coping-and-support'], measuresAt: { discharge: ['ons4', 'satisfaction'] } } });
  });

  it('when a programme is shown, then each timepoint says how many questions and SMS segments a person gets, counted from the real texts', async () => {
    const shown = await cli('show', 'wellbeing');
    expect(shown.failed).toBe(false);
    const lines = shown.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('baseline'))).toMatch(/^baseline\s+ons4, coping-and-support\s+9\s+\d+ \(\d \+ \d+ \+ 1\)$/);
    expect(lines.find((line) => line.startsWith('discharge'))).toMatch(/^discharge\s+ons4, satisfaction\s+5\s+\d+ \(1 \+ \d+ \+ 1\)$/);
    expect(shown.stdout).not.toContain('warning');
    const json = JSON.parse((await cli('show', 'wellbeing', '--json')).stdout) as { timepoints: Array<{ timepointId: string; questions: number; segments: { invitation: number; items: number; thanks: number; total: number } }> };
    const sixWeeks = json.timepoints.find((t) => t.timepointId === '6w');
    // ONS4's four 0-10 questions are two segments each; the coping questions fit in one or two.
    expect(sixWeeks).toMatchObject({ questions: 9, segments: { invitation: 1, thanks: 1 } });
    expect(sixWeeks?.segments.items).toBeGreaterThanOrEqual(9);
    expect(sixWeeks?.segments.total).toBe((sixWeeks?.segments.invitation ?? 0) + (sixWeeks?.segments.items ?? 0) + (sixWeeks?.segments.thanks ?? 0));
  });

  it('when a timepoint asks more than 15 questions, then show warns', async () => {
    await cli('add', '--name', 'Mental health', '--measures', 'phq9,gad7,phq4', '--followups', '6w');
    const shown = await cli('show', 'mental-health');
    expect(shown.stdout).toMatch(/^baseline\s+phq9, gad7, phq4\s+16 \(!\)/m);
    expect(shown.stdout).toContain('warning: 16 questions at baseline: more than 15, and people answering by SMS stop after a median of about 9');
  });

  it('when programme add is given bad measures, then every problem is listed and nothing is added', async () => {
    const refused = await cli('add', '--name', 'Bad', '--measures', 'ons4,ons4,swemwbs,nope', '--measures-at', '8w=phq9', '--measures-at', 'discharge=wemwbs', '--followups', '6w');
    expect(refused.failed).toBe(true);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'programme add: measures: "ons4" is listed twice; a timepoint asks each measure once',
      expect.stringMatching(/^programme add: measures: .*SWEMWBS.*swemwbs\.wording\.json/),
      expect.stringMatching(/^programme add: measures: no measure "nope" \(loaded: /),
      'programme add: measuresAt.8w: this programme has no timepoint "8w" (it has baseline, 6w)',
      'programme add: measuresAt.discharge: this programme has no timepoint "discharge" (it has baseline, 6w)',
      expect.stringMatching(/^programme add: measuresAt\.discharge: .*WEMWBS.*wemwbs\.wording\.json/),
    ]);
    expect(await fx.programmes.find('bad')).toBeNull();
    expect(await cli('add', '--name', 'Both', '--measure', 'ons4', '--measures', 'ons4,phq9', '--followups', '6w')).toMatchObject({
      failed: true, stderr: 'programme add: measures: give either measureId (one measure) or measures (a list), not both\n',
    });
    expect(await cli('add', '--name', 'None', '--followups', '6w')).toMatchObject({ failed: true, stderr: 'programme add: measureId: is required (a measure id such as "phq9")\n' });
    expect((await cli('add', '--name', 'Odd', '--measures', 'ons4', '--measures-at', 'baseline', '--followups', '6w')).stderr).toBe('programme add: measuresAt.baseline: give at least one measure, e.g. ons4\n');
  });

  it('when --measure is used alone, then the programme is one measure, stored as before', async () => {
    expect((await cli('add', '--name', 'Simple', '--measure', 'phq9', '--followups', '6w')).stdout).toMatch(/measure phq9\n/);
    const simple = await fx.programmes.find('simple');
    expect(simple?.measureId).toBe('phq9');
    expect(simple?.questionnaire).toBeUndefined();
  });

  it('when a programme is edited, then it gets a new plan version for new enrolments, keeps the first, and the edit is audited', async () => {
    const edited = await cli('edit', 'simple', '--measures', 'phq9,gad7', '--followups', '6w,12w');
    expect(edited).toMatchObject({ failed: false, stderr: '' });
    expect(edited.stdout).toContain('plan version 2: people enrolled from now on; people already enrolled keep theirs');
    const simple = await fx.programmes.find('simple');
    expect(simple).toMatchObject({ planVersion: 2, questionnaire: { measures: ['phq9', 'gad7'] }, plan: { followUps: [{ id: '6w' }, { id: '12w' }] } });
    expect(simple?.planVersions?.map((v) => [v.version, v.questionnaire.measures, v.plan.followUps.map((f) => f.id)])).toEqual([[1, ['phq9'], ['6w']], [2, ['phq9', 'gad7'], ['6w', '12w']]]);
    expect((await fx.auditEntries()).at(-1)).toMatchObject({ actor: 'cli', action: 'programme.edit', subject: simple?.id, details: { planVersion: 2, changed: ['measures', 'followUps'] } });
  });

  it('when programme edit is refused, then each refusal says why and nothing changes', async () => {
    expect((await cli('edit', 'nothing-like-it', '--measures', 'ons4')).stderr).toMatch(/^programme edit: no programme "nothing-like-it" \(programmes: wellbeing, mental-health, simple\)\n$/);
    expect((await cli('edit', 'simple')).stderr).toBe('programme edit: nothing to change: give measures, measuresAt, followUps, window, discharge, reminders, isDefault or progressMessages\n');
    expect((await cli('edit', 'simple', '--measures', 'phq9,eq5d5l', '--measures-at', '12w=phq9,phq9')).stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^programme edit: measures: .*EQ-5D-5L.*eq5d5l\.wording\.json/),
      'programme edit: measuresAt.12w: "phq9" is listed twice; a timepoint asks each measure once',
    ]);
    // A timepoint's own list must name a timepoint the edited plan still has.
    expect((await cli('edit', 'wellbeing', '--followups', '6w')).stderr).toBe('');
    expect((await cli('edit', 'wellbeing', '--measures-at', '12w=ons4')).stderr).toBe('programme edit: measuresAt.12w: this programme has no timepoint "12w" (it has baseline, 6w, discharge)\n');
    expect((await fx.programmes.find('simple'))?.planVersion).toBe(2);
  });

  it('when two edits are made from the same reading, then the second is refused as a conflict', async () => {
    const simple = await fx.programmes.find('simple');
    if (!simple) throw new Error('no programme');
    expect(await fx.programmes.update({ ...simple, planVersion: 3 }, 2)).toBe('updated');
    expect(await fx.programmes.update({ ...simple, planVersion: 3 }, 2)).toBe('conflict');
    const viaApiShape = await editProgramme({ ...fx, measures }, 'simple', { measures: 'phq9' }, 'admin-api');
    expect(viaApiShape).toEqual({ ok: false, kind: 'invalid', problems: ['measures: must be a list of measure ids, e.g. ["ons4", "coping-and-support"]'] });
  });

  it('when a programme is retired, then it is marked and audited; the default and a retired one cannot be retired', async () => {
    expect(await cli('retire', 'wellbeing')).toMatchObject({ failed: true, stderr: 'programme retire: Wellbeing is the default programme: make another one the default first (programme edit <name> --default), then retire it\n' });
    expect((await cli('retire', 'mental-health')).stdout).toBe('retired programme "Mental health": ENROL now refuses it and names the default; people already on it carry on\n');
    expect((await cli('retire', 'mental-health')).stderr).toMatch(/^programme retire: Mental health was already retired on \d{4}-\d\d-\d\d\n$/);
    expect((await cli('edit', 'mental-health', '--measures', 'phq9')).stderr).toBe('programme edit: Mental health is retired; add a new programme instead\n');
    expect((await cli('list')).stdout).toMatch(/retired\s+Mental health/);
    expect((await fx.auditEntries()).filter((e) => e.action === 'programme.retire').map((e) => e.details)).toEqual([{ name: 'Mental health' }]);
  });
});
