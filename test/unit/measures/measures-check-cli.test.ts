import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MeasuresCliIo } from '../../../scripts/cli/measures.js';
import { measuresCommand } from '../../../scripts/cli/measures.js';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';
import { definitionFixture } from './definition-fixture.js';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'promptly-check-'));
function file(name: string, content: unknown): string {
  const at = path.join(directory, name);
  fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
  return at;
}

async function check(at: string, json = false): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  const output = { stdout: '', stderr: '', failed: false };
  const io: MeasuresCliIo = { load: () => loadMeasures(), out: (t) => void (output.stdout += t), err: (t) => void (output.stderr += t), fail: () => void (output.failed = true) };
  await measuresCommand(io).exitOverride().parseAsync(['check', at, ...(json ? ['--json'] : [])], { from: 'user' });
  return output;
}

const composed = () => ({
  id: 'our-mood', version: '1', title: 'Our mood check', validated: false, languages: ['en'],
  licence: { name: 'Our own questions', textMayBeShipped: true, attribution: 'Riverside Community Trust' },
  recallPeriod: { en: 'the last 2 weeks' },
  items: [{ id: 'interest', sameAs: { measure: 'phq9', item: 'q1' } }, definitionFixture('coping-and-support').items[1]],
  scoring: { method: 'none', higherIsBetter: true },
});

describe('measures check FILE', () => {
  it('when a bespoke measure composed of a bank item and its own is checked, then it passes, unvalidated, with each item\'s provenance', async () => {
    const result = await check(file('our-mood.json', composed()));
    expect(result.failed).toBe(false);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true, id: 'our-mood', validated: false, usable: true,
      items: [
        { itemId: 'interest', measure: 'phq9', item: 'q1', licence: expect.stringContaining('No permission required'), validated: true },
        { itemId: 'coping', measure: 'our-mood', item: 'coping', licence: 'Our own questions', validated: false },
      ],
    });
  });

  it('when the file has every kind of problem, then every one is listed at once and the check fails', async () => {
    const json = composed() as ReturnType<typeof composed> & { items: Array<Record<string, unknown>> };
    json.validated = true;
    json.items.push(
      { id: 'down', sameAs: { measure: 'phq9', item: 'q2' }, text: { en: 'feeling low?' } },
      { id: 'sleep', sameAs: { measure: 'phq9', item: 'q99' } },
      { id: 'nerves', sameAs: { measure: 'gad7', item: 'q1' }, options: [{ value: 0, label: { en: 'No' } }, { value: 1, label: { en: 'Yes' } }] },
    );
    const result = await check(file('our-mood.json', json), true);
    expect(result.failed).toBe(true);
    const [problems] = (JSON.parse(result.stderr) as { problems: string[] }).problems;
    expect(problems?.split('\n')).toEqual([
      '4 problems:',
      'our-mood.json: items[2].text.en: wording changed on a validated item (phq9 item "q2"): "feeling low?" is not "Over the last 2 weeks, how often: feeling down, depressed, or hopeless?"; a shared item must be worded exactly as the original',
      'our-mood.json: items[3].sameAs.item: unknown item: phq9 has no item "q99" (items: q1, q2, q3, q4, q5, q6, q7, q8, q9)',
      'our-mood.json: items[4].options: options do not match gad7 item "q1": "0 No, 1 Yes" is not "0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day"',
      'our-mood.json: validated: must be false: a measure composed from bank items is not validated as a whole (its score describes, it does not diagnose)',
    ]);
  });

  it('when the file is not JSON, has the wrong shape, or is named after another id, then it says so', async () => {
    expect((await check(file('broken.json', '{ "id": '))).stderr).toMatch(/^measures: broken\.json: not valid JSON/);
    expect((await check(file('shape.json', { ...composed(), id: 'shape', scoring: { method: 'average', higherIsBetter: true } }))).stderr).toMatch(/^measures: 1 problem:\nshape\.json: scoring\.method: /);
    expect((await check(file('other-name.json', composed()))).stderr).toBe('measures: 1 problem:\nother-name.json: id: "our-mood" does not match the file name; save it as our-mood.json in MEASURES_DIR\n');
    expect((await check(path.join(directory, 'missing.json'))).stderr).toMatch(/^measures: missing\.json: cannot be read/);
  });
});
