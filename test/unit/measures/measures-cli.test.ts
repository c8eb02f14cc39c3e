import type { MeasuresCliIo } from '../../../scripts/cli/measures.js';
import { measuresCommand } from '../../../scripts/cli/measures.js';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  const output = { stdout: '', stderr: '', failed: false };
  const io: MeasuresCliIo = {
    load: () => loadMeasures(),
    out: (text) => { output.stdout += text; },
    err: (text) => { output.stderr += text; },
    fail: () => { output.failed = true; },
  };
  await measuresCommand(io).exitOverride().parseAsync(args, { from: 'user' });
  return output;
}

describe('the measures CLI', () => {
  it('when measures are listed, then each shows whether it can be used and why not', async () => {
    const { stdout, failed } = await run('list');
    const list = JSON.parse(stdout) as { id: string; usable: boolean; reason?: string }[];
    expect(failed).toBe(false);
    expect(list.find((m) => m.id === 'phq9')).toMatchObject({ usable: true });
    expect(list.find((m) => m.id === 'swemwbs')).toMatchObject({ usable: false, reason: expect.stringContaining('swemwbs.wording.json') });
  });

  it('when a measure is shown, then its definition and rendered messages are printed', async () => {
    const shown = JSON.parse((await run('show', 'gad7')).stdout) as { definition: { id: string }; messages: { itemId: string; segments: number }[] };
    expect(shown.definition.id).toBe('gad7');
    expect(shown.messages).toHaveLength(7);
  });

  it('when answers are scored with one missing, then the prorated result is printed as JSON', async () => {
    const { stdout } = await run('score', 'core10', '2', '2', '2', '2', '2', '2', '2', '2', '2', '-');
    expect(JSON.parse(stdout)).toMatchObject({ scorable: true, total: 20, prorated: true, band: 'Moderately severe', missing: ['q10'] });
  });

  it('when a previous score is given, then reliable change is printed too', async () => {
    const { stdout } = await run('score', 'phq9', '--previous', '20', '1', '1', '1', '1', '1', '1', '1', '1', '0');
    expect(JSON.parse(stdout)).toMatchObject({ total: 8, reliableChange: { classification: 'improved', change: -12 } });
  });

  it('when a reply is parsed, then the tagged result is printed', async () => {
    expect(JSON.parse((await run('parse', 'phq9', 'q1', 'sevral days')).stdout)).toEqual({ kind: 'answer', value: 1 });
  });

  it.each([
    [['score', 'phq9', '1', '2'], 'measures: phq9 has 9 items (q1 q2 q3 q4 q5 q6 q7 q8 q9); got 2 answers\n'],
    [['score', 'phq9', '1', '2', '3', '1', '2', '3', '1', '2', 'x'], 'measures: answer for q9 must be a whole number or "-", got "x"\n'],
    [['show', 'nope'], expect.stringMatching(/^measures: no measure "nope" \(loaded: /)],
    [['parse', 'phq9', 'q99', '1'], expect.stringMatching(/^measures: phq9 has no item "q99"/)],
  ])('when the command is %j, then it fails on stderr with exit code 1', async (args, message) => {
    const output = await run(...args);
    expect(output).toEqual({ stdout: '', stderr: message, failed: true });
  });
});
