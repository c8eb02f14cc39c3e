import fs from 'node:fs';
import path from 'node:path';
import { applyLicensedWording } from './apply-licensed-wording.js';
import type { Measure } from './measure.js';
import { MeasureDefinitionError } from './measure-definition-error.js';
import { parseMeasureDefinition } from './parse-measure-definition.js';
import { resolveSharedItems } from './resolve-shared-items.js';

export type MeasureCatalogue = ReadonlyMap<string, Measure>;

/** The measures promptly ships; the build copies this directory next to the compiled code. */
export const shippedMeasuresDirectory = path.join(__dirname, 'definitions');

/**
 * Load the shipped measures, then each organisation directory: `<id>.json` files add bespoke
 * measures and `*.wording.json` files fill skeletons (or add languages) with licensed wording. The
 * only I/O in the domain, run once at start-up. Throws MeasureDefinitionError listing every problem
 * in every file, so one run shows an admin all there is to fix.
 */
export function loadMeasures(organisationDirectories: readonly string[] = []): MeasureCatalogue {
  const problems: string[] = [];
  const measures = new Map<string, { measure: Measure; file: string; bespoke: boolean }>();
  const wordings: { file: string; json: unknown }[] = [];
  for (const directory of [shippedMeasuresDirectory, ...organisationDirectories]) {
    for (const { file, json } of readJsonFiles(directory, problems)) {
      if (file.endsWith('.wording.json')) wordings.push({ file, json });
      else collect(problems, () => addMeasure(measures, file, json, directory));
    }
  }
  for (const { file, json } of wordings) {
    collect(problems, () => {
      const id = typeof json === 'object' && json !== null && 'measure' in json ? String(json.measure) : '';
      const found = measures.get(id);
      if (!found) throw new MeasureDefinitionError([`${file}: measure: no measure "${id}" is loaded`]);
      measures.set(id, { ...found, measure: applyLicensedWording(found.measure, json, file) });
    });
  }
  // Shared items are settled last: they compare wording that licensed files may have just supplied.
  const shared = resolveSharedItems(new Map([...measures].map(([id, entry]) => [id, { ...entry, file: path.basename(entry.file) }])));
  problems.push(...shared.problems);
  if (problems.length > 0) throw new MeasureDefinitionError(problems);
  return shared.measures;
}

/**
 * `measures check FILE`: every problem with one measure file (shape, rules, and its items shared
 * with the loaded measures), and the measure as it would load when there are none. The caller reads the JSON.
 */
export function checkMeasureFile(json: unknown, file: string, catalogue: MeasureCatalogue): { problems: string[]; measure?: Measure } {
  let measure: Measure;
  try {
    measure = parseMeasureDefinition(json, file);
  } catch (error) {
    if (error instanceof MeasureDefinitionError) return { problems: [...error.problems] };
    throw error;
  }
  const loaded = new Map([...catalogue].map(([id, other]) => [id, { measure: other, file: `${id}.json`, bespoke: false }]));
  // The file replaces a loaded measure of the same id: checking the copy in MEASURES_DIR again is allowed.
  loaded.set(measure.id, { measure, file, bespoke: true });
  const resolved = resolveSharedItems(loaded);
  const problems = resolved.problems.filter((problem) => problem.startsWith(`${file}:`));
  const checked = resolved.measures.get(measure.id);
  return problems.length > 0 || !checked ? { problems } : { problems, measure: checked };
}

function addMeasure(measures: Map<string, { measure: Measure; file: string; bespoke: boolean }>, file: string, json: unknown, directory: string): void {
  const measure = parseMeasureDefinition(json, file);
  // The file name is how admins find a measure, so it must say which one it holds.
  if (`${measure.id}.json` !== file) throw new MeasureDefinitionError([`${file}: id: "${measure.id}" does not match the file name`]);
  const existing = measures.get(measure.id);
  if (existing) {
    throw new MeasureDefinitionError([`${file}: id: "${measure.id}" is already defined in ${existing.file}; choose a new id`]);
  }
  measures.set(measure.id, { measure, file: path.join(directory, file), bespoke: directory !== shippedMeasuresDirectory });
}

function readJsonFiles(directory: string, problems: string[]): { file: string; json: unknown }[] {
  let names: string[];
  try {
    names = fs.readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push(`${directory}: cannot read the measures directory (${(error as Error).message})`);
    return [];
  }
  return names.flatMap((file) => {
    try {
      return [{ file, json: JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as unknown }];
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      return [];
    }
  });
}

function collect(problems: string[], work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof MeasureDefinitionError)) throw error;
    problems.push(...error.problems);
  }
}
