import { formatDefinitionProblem } from './format-definition-problem.js';
import type { AnswerOption, Measure, MeasureItem } from './measure.js';

export interface LoadedMeasure {
  readonly measure: Measure;
  /** The file it came from, for the problems. */
  readonly file: string;
  /** From an organisation's directory (MEASURES_DIR) rather than shipped with promptly. */
  readonly bespoke: boolean;
}

/**
 * Settles the items that declare `sameAs` another measure's item, once every measure and wording is
 * loaded: text and options left out are taken from that item, and what is given must be the same
 * question — wording (stem and text), options (values and labels) and recall period identical in
 * every language both have — or one answer could not honestly count for both. A bespoke measure
 * built from bank items stays `validated: false` as a whole: validated items in a new arrangement
 * make a new, unvalidated instrument. Returns the measures with their shared items filled in and
 * every problem, as `file: items[2].sameAs: ...`.
 */
export function resolveSharedItems(loaded: ReadonlyMap<string, LoadedMeasure>): { measures: Map<string, Measure>; problems: string[] } {
  const problems: string[] = [];
  const resolved = new Map<string, Measure>();
  const visiting = new Set<string>();

  const resolveMeasure = (id: string): Measure | undefined => {
    const done = resolved.get(id);
    if (done) return done;
    const entry = loaded.get(id);
    if (!entry) return undefined;
    // A cycle (a -> b -> a) is reported once, against the item that closes it.
    if (visiting.has(id)) return entry.measure;
    visiting.add(id);
    const { measure, file } = entry;
    const report = (path: readonly (string | number)[], message: string): void => {
      problems.push(formatDefinitionProblem(file, path, message));
    };
    const items = measure.items.map((item, i) => (item.sameAs ? shareItem(measure, item, i, resolveMeasure, visiting, report) : item));
    if (entry.bespoke && measure.validated && measure.items.some((item) => item.sameAs)) {
      report(['validated'], 'must be false: a measure composed from bank items is not validated as a whole (its score describes, it does not diagnose)');
    }
    const result = { ...measure, items };
    visiting.delete(id);
    resolved.set(id, result);
    return result;
  };

  for (const id of loaded.keys()) resolveMeasure(id);
  return { measures: resolved, problems };
}

type Report = (path: readonly (string | number)[], message: string) => void;

function shareItem(
  measure: Measure,
  item: MeasureItem,
  index: number,
  resolveMeasure: (id: string) => Measure | undefined,
  visiting: ReadonlySet<string>,
  report: Report,
): MeasureItem {
  const sameAs = item.sameAs;
  if (!sameAs) return item;
  const at = ['items', index];
  if (sameAs.measure === measure.id) {
    report([...at, 'sameAs', 'measure'], 'names this measure itself; an item is shared with another measure');
    return item;
  }
  if (visiting.has(sameAs.measure)) {
    report([...at, 'sameAs'], `${sameAs.measure} is shared back with ${measure.id}: shared items must lead to one original item`);
    return item;
  }
  const source = resolveMeasure(sameAs.measure);
  if (!source) {
    report([...at, 'sameAs', 'measure'], `no measure "${sameAs.measure}" is loaded`);
    return item;
  }
  const original = source.items.find((candidate) => candidate.id === sameAs.item);
  if (!original) {
    report([...at, 'sameAs', 'item'], `unknown item: ${source.id} has no item "${sameAs.item}" (items: ${source.items.map((c) => c.id).join(', ')})`);
    return item;
  }
  const name = `${source.id} item "${original.id}"`;
  const filled: MeasureItem = {
    ...item,
    text: item.text ?? inheritedText(measure, source, original),
    options: item.options.length > 0 ? item.options : original.options,
    ...(item.risk || !original.risk ? {} : { risk: original.risk }),
  };
  for (const language of measure.languages.filter((l) => source.languages.includes(l))) {
    const mine = wording(measure, filled, language);
    const theirs = wording(source, original, language);
    if (mine !== undefined && theirs !== undefined && mine !== theirs) {
      const what = source.validated ? `wording changed on a validated item (${name})` : `wording differs from ${name}`;
      report([...at, 'text', language], `${what}: "${mine}" is not "${theirs}"; a shared item must be worded exactly as the original`);
    }
    const myRecall = measure.recallPeriod?.[language];
    const theirRecall = source.recallPeriod?.[language];
    if (myRecall !== theirRecall) {
      report(['recallPeriod', language], `${describe(myRecall)} is not ${source.id}'s ${describe(theirRecall)}, so item "${item.id}" cannot be shared with ${name}`);
    }
    const myOptions = describeOptions(filled.options, language);
    const theirOptions = describeOptions(original.options, language);
    if (myOptions !== theirOptions) {
      report([...at, 'options'], `options do not match ${name}: ${myOptions} is not ${theirOptions}`);
    }
  }
  if (filled.reverseKeyed !== original.reverseKeyed) {
    report([...at, 'reverseKeyed'], `is ${String(filled.reverseKeyed)} but ${name} is ${String(original.reverseKeyed)}`);
  }
  return filled;
}

/** The question as a person reads it: the measure's stem, then the item's text, spaces collapsed. */
export function wording(measure: Pick<Measure, 'stem'>, item: Pick<MeasureItem, 'text'>, language: string): string | undefined {
  const text = item.text?.[language];
  if (text === undefined) return undefined;
  return [measure.stem?.[language], text].filter((part) => part !== undefined).join(' ').replace(/\s+/g, ' ').trim();
}

// A bespoke measure without the original's stem takes the stem into the item, so it reads the same.
function inheritedText(measure: Measure, source: Measure, original: MeasureItem): MeasureItem['text'] {
  if (!original.text) return undefined;
  return Object.fromEntries(
    Object.entries(original.text).map(([language, text]) => {
      const sameStem = (measure.stem?.[language] ?? '') === (source.stem?.[language] ?? '');
      return [language, sameStem ? text : (wording(source, original, language) ?? text)];
    }),
  );
}

function describeOptions(options: readonly AnswerOption[], language: string): string {
  return `"${options.map((option) => `${option.value} ${option.label?.[language] ?? '(no label)'}`).join(', ')}"`;
}

function describe(recall: string | undefined): string {
  return recall === undefined ? 'no recall period' : `recall period "${recall}"`;
}
