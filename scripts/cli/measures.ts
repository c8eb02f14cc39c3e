import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadDotEnv } from '../../src/config.js';
import { checkMeasureFile, loadMeasures } from '../../src/domain/measures/load-measures.js';
import { itemProvenance } from '../../src/domain/measures/item-provenance.js';
import type { MeasureCatalogue } from '../../src/domain/measures/load-measures.js';
import type { Measure } from '../../src/domain/measures/measure.js';
import { measureUsability } from '../../src/domain/measures/measure-usability.js';
import { parseReply } from '../../src/domain/measures/parse-reply.js';
import type { ParsedReply } from '../../src/domain/measures/parse-reply.js';
import { reliableChange } from '../../src/domain/measures/reliable-change.js';
import type { ReliableChange } from '../../src/domain/measures/reliable-change.js';
import { renderItem } from '../../src/domain/measures/render-item.js';
import { scoreMeasure } from '../../src/domain/measures/score-measure.js';
import type { ScoreResult } from '../../src/domain/measures/score-measure.js';

export interface MeasuresCliIo {
  readonly load: () => MeasureCatalogue;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly fail: () => void;
  /** Reads a file for `measures check`; the file system when absent. */
  readonly readFile?: (file: string) => string;
}

/**
 * `measures list | show <id> | score <id> <answers...> | parse <id> <itemId> <reply>`: lets an
 * organisation check its definitions and wording before putting them into use. Prints JSON on
 * stdout; a problem goes to stderr with exit code 1. Loads the shipped measures plus MEASURES_DIR.
 */
export function measuresCommand(io: MeasuresCliIo = processIo()): Command {
  const run = (work: (catalogue: MeasureCatalogue) => unknown, options: { json?: boolean }): void => {
    try {
      io.out(`${JSON.stringify(work(io.load()), null, 2)}\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.err(options.json ? `${JSON.stringify({ error: 'invalid', problems: [message] }, null, 2)}\n` : `measures: ${message}\n`);
      io.fail();
    }
  };
  // Every command takes --json, as scripts expect; these print JSON with or without it.
  const json = ['--json', 'print JSON (these commands always do; with --json a problem is JSON on stderr too)'] as const;
  const command = new Command('measures').description('list, show, score and try replies against the measure definitions');
  command
    .command('list')
    .description('every loaded measure, and whether it can be put into use')
    .option(...json)
    .action((options: { json?: boolean }) => run(listMeasures, options));
  command
    .command('show <id>')
    .description('a measure definition and each item as it will be texted')
    .option(...json)
    .action((id: string, options: { json?: boolean }) => run((catalogue) => showMeasure(catalogue, id), options));
  command
    .command('check <file>')
    .description('check a measure file (a bespoke measure, perhaps composed of bank items) before adding it to MEASURES_DIR')
    .option(...json)
    .action((file: string, options: { json?: boolean }) => run((catalogue) => checkMeasure(catalogue, file, io.readFile), options));
  command
    .command('score <id> <answers...>')
    .description('score answers given in item order (option values; "-" for a missing answer)')
    .option('--previous <score>', 'an earlier score, to classify reliable change')
    .option(...json)
    .action((id: string, answers: string[], options: { previous?: string; json?: boolean }) =>
      run((catalogue) => scoreAnswers(catalogue, id, answers, options.previous), options),
    );
  command
    .command('parse <id> <itemId> <reply>')
    .description('how a text reply to one item is read')
    .option(...json)
    .action((id: string, itemId: string, reply: string, options: { json?: boolean }) =>
      run((catalogue) => parseItemReply(catalogue, id, itemId, reply), options));
  return command;
}

export function listMeasures(catalogue: MeasureCatalogue): object[] {
  return [...catalogue.values()].map((measure) => {
    const usability = measureUsability(measure);
    return {
      id: measure.id,
      version: measure.version,
      title: measure.title,
      items: measure.items.length,
      scoring: measure.scoring.method,
      validated: measure.validated,
      usable: usability.usable,
      ...(usability.usable ? { languages: measure.languages } : { reason: usability.reason }),
    };
  });
}

export function showMeasure(catalogue: MeasureCatalogue, id: string): object {
  const measure = findMeasure(catalogue, id);
  const usability = measureUsability(measure);
  const messages = usability.usable ? measure.items.map((item) => ({ itemId: item.id, ...renderItem(measure, item.id) })) : [];
  const provenance = measure.items.map((item) => ({ itemId: item.id, ...itemProvenance(catalogue, measure, item) }));
  return { usability, definition: measure, provenance, messages };
}

/**
 * `measures check FILE`: every problem with the file at once (its shape, its rules, and each item it
 * shares with a loaded measure: unknown item, wording changed on a validated item, options that do
 * not match, recall period, a composed measure claiming to be validated). Throws listing them all.
 */
export function checkMeasure(catalogue: MeasureCatalogue, file: string, readFile: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): object {
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(readFile(file));
  } catch (error) {
    throw new Error(`${name}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`}`);
  }
  const { problems, measure } = checkMeasureFile(json, name, catalogue);
  if (`${measure?.id ?? ''}.json` !== name && measure) problems.push(`${name}: id: "${measure.id}" does not match the file name; save it as ${measure.id}.json in MEASURES_DIR`);
  if (problems.length > 0 || !measure) throw new Error(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n${problems.join('\n')}`);
  const withIt = new Map([...catalogue, [measure.id, measure]]);
  const usability = measureUsability(measure);
  return {
    ok: true, id: measure.id, validated: measure.validated, usable: usability.usable, ...(usability.usable ? {} : { reason: usability.reason }),
    items: measure.items.map((item) => ({ itemId: item.id, ...itemProvenance(withIt, measure, item) })),
  };
}

export function scoreAnswers(
  catalogue: MeasureCatalogue,
  id: string,
  answers: readonly string[],
  previous?: string,
): ScoreResult & { reliableChange?: ReliableChange | null } {
  const measure = findMeasure(catalogue, id);
  if (answers.length !== measure.items.length) {
    throw new Error(`${id} has ${measure.items.length} items (${measure.items.map((item) => item.id).join(' ')}); got ${answers.length} answers`);
  }
  const values = Object.fromEntries(measure.items.map((item, i) => [item.id, toAnswer(answers[i] ?? '-', item.id)]));
  const result = scoreMeasure(measure, values);
  if (previous === undefined) return result;
  const before = Number(previous);
  if (previous.trim() === '' || !Number.isFinite(before)) throw new Error(`--previous must be a number, got "${previous}"`);
  return { ...result, reliableChange: result.score === null ? null : reliableChange(measure, before, result.score) };
}

export function parseItemReply(catalogue: MeasureCatalogue, id: string, itemId: string, reply: string): ParsedReply {
  const measure = findMeasure(catalogue, id);
  const item = measure.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`${id} has no item "${itemId}" (items: ${measure.items.map((candidate) => candidate.id).join(', ')})`);
  return parseReply(reply, item);
}

function findMeasure(catalogue: MeasureCatalogue, id: string): Measure {
  const measure = catalogue.get(id);
  if (!measure) throw new Error(`no measure "${id}" (loaded: ${[...catalogue.keys()].join(', ')})`);
  return measure;
}

function toAnswer(answer: string, itemId: string): number | null {
  if (answer === '-') return null;
  if (!/^-?\d+$/.test(answer)) throw new Error(`answer for ${itemId} must be a whole number or "-", got "${answer}"`);
  return Number(answer);
}

function processIo(): MeasuresCliIo {
  return {
    load: () => {
      // MEASURES_DIR may come from .env, as it does for the server.
      loadDotEnv();
      return loadMeasures(process.env.MEASURES_DIR ? [process.env.MEASURES_DIR] : []);
    },
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    fail: () => {
      process.exitCode = 1;
    },
  };
}
