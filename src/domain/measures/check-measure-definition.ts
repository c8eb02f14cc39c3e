import type { Band, MeasureDefinition } from './measure-schema.js';
import { optionRange } from './option-range.js';

export type DefinitionPath = readonly (string | number)[];

export interface DefinitionProblem {
  readonly path: DefinitionPath;
  readonly message: string;
}

type Report = (path: DefinitionPath, message: string) => void;

/**
 * The rules zod's shape cannot express: references between fields, ranges that must cover each
 * other. Every problem names the field to fix, because the reader is an organisation's admin.
 */
export function checkMeasureDefinition(definition: MeasureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  checkLanguages(definition, report);
  checkItems(definition, report);
  checkScoring(definition, report);
  return problems;
}

function checkLanguages(definition: MeasureDefinition, report: Report): void {
  const declared = new Set(definition.languages);
  if (declared.size !== definition.languages.length) report(['languages'], 'lists a language twice');
  const checkKeys = (path: DefinitionPath, map: Readonly<Record<string, unknown>> | undefined): void => {
    for (const language of Object.keys(map ?? {})) {
      if (!declared.has(language)) report([...path, language], `language "${language}" is not listed in languages`);
    }
  };
  checkKeys(['stem'], definition.stem);
  checkKeys(['recallPeriod'], definition.recallPeriod);
  const checkOptions = (path: DefinitionPath, options: MeasureDefinition['options']): void => {
    options?.forEach((option, j) => {
      checkKeys([...path, j, 'label'], option.label);
      checkKeys([...path, j, 'synonyms'], option.synonyms);
    });
  };
  checkOptions(['options'], definition.options);
  definition.items.forEach((item, i) => {
    checkKeys(['items', i, 'text'], item.text);
    checkOptions(['items', i, 'options'], item.options);
  });
}

function checkItems(definition: MeasureDefinition, report: Report): void {
  if (definition.options) checkOptionValues(['options'], definition.options, report);
  const seen = new Set<string>();
  definition.items.forEach((item, i) => {
    if (seen.has(item.id)) report(['items', i, 'id'], `duplicate item id "${item.id}"`);
    seen.add(item.id);
    if (item.options) checkOptionValues(['items', i, 'options'], item.options, report);
    const options = item.options ?? definition.options;
    if (!options && !item.sameAs) {
      report(['items', i, 'options'], 'required: the item has no options and the measure has no shared options');
    } else if (options && item.risk && item.risk.atOrAbove > optionRange(options).max) {
      report(['items', i, 'risk', 'atOrAbove'], `${item.risk.atOrAbove} is above the highest option, so the flag could never be raised`);
    }
  });
}

function checkOptionValues(path: DefinitionPath, options: readonly { value: number }[], report: Report): void {
  const values = new Set<number>();
  options.forEach((option, j) => {
    if (values.has(option.value)) report([...path, j, 'value'], `duplicate option value ${option.value}`);
    values.add(option.value);
  });
}

function checkScoring(definition: MeasureDefinition, report: Report): void {
  const { scoring } = definition;
  const itemIds = new Set(definition.items.map((item) => item.id));
  const checkIds = (path: DefinitionPath, ids: readonly string[]): void => {
    ids.forEach((id, k) => {
      if (!itemIds.has(id)) report([...path, k], `no item with id "${id}"`);
    });
  };
  checkIds(['scoring', 'items'], scoring.items ?? []);
  const subscaleIds = new Set<string>();
  scoring.subscales.forEach((subscale, s) => {
    if (subscaleIds.has(subscale.id)) report(['scoring', 'subscales', s, 'id'], `duplicate subscale id "${subscale.id}"`);
    subscaleIds.add(subscale.id);
    checkIds(['scoring', 'subscales', s, 'items'], subscale.items);
    checkBands(['scoring', 'subscales', s, 'bands'], subscale.bands, report);
  });
  checkBands(['scoring', 'bands'], scoring.bands, report);
  checkMethod(definition, report);
}

function checkMethod(definition: MeasureDefinition, report: Report): void {
  const { scoring } = definition;
  const scored = scoring.items ?? definition.items.map((item) => item.id);
  if (scoring.method === 'conversion-table' && !scoring.conversion) {
    report(['scoring', 'conversion'], 'required when method is "conversion-table"');
  }
  if (scoring.method !== 'conversion-table' && scoring.conversion) {
    report(['scoring', 'conversion'], 'only used when method is "conversion-table"');
  }
  if (scoring.missing.maxMissing > 0 && scoring.method !== 'prorated-sum') {
    report(['scoring', 'missing', 'maxMissing'], 'missing answers can only be allowed when method is "prorated-sum"');
  }
  if (scoring.missing.maxMissing >= scored.length) {
    report(['scoring', 'missing', 'maxMissing'], `must be less than the ${scored.length} scored items`);
  }
  if (scoring.method === 'none') {
    for (const field of ['bands', 'cutoff', 'reliableChange'] as const) {
      if (scoring[field]) report(['scoring', field], 'a measure with method "none" has no total to apply this to');
    }
  }
  if (scoring.conversion) checkConversionTable(definition, scored, report);
}

function checkConversionTable(definition: MeasureDefinition, scored: readonly string[], report: Report): void {
  const table = definition.scoring.conversion?.table ?? [];
  let lowest = 0;
  let highest = 0;
  for (const id of scored) {
    const item = definition.items.find((candidate) => candidate.id === id);
    const options = item?.options ?? definition.options;
    if (!options) return; // already reported against the item, or taken from a shared item (checked there)
    const range = optionRange(options);
    lowest += range.min;
    highest += range.max;
  }
  const raws = new Set<number>();
  table.forEach((row, r) => {
    if (raws.has(row.raw)) report(['scoring', 'conversion', 'table', r, 'raw'], `raw score ${row.raw} appears twice`);
    if (row.raw < lowest || row.raw > highest) {
      report(['scoring', 'conversion', 'table', r, 'raw'], `raw score ${row.raw} is outside the possible ${lowest} to ${highest}`);
    }
    raws.add(row.raw);
  });
  for (let raw = lowest; raw <= highest; raw++) {
    if (!raws.has(raw)) {
      report(['scoring', 'conversion', 'table'], `no entry for raw score ${raw} (the table must cover ${lowest} to ${highest})`);
      return;
    }
  }
}

function checkBands(path: DefinitionPath, bands: readonly Band[] | undefined, report: Report): void {
  bands?.forEach((band, b) => {
    if (band.max < band.min) report([...path, b, 'max'], `${band.max} is below min ${band.min}`);
    const previous = bands[b - 1];
    if (previous && band.min <= previous.max) {
      report([...path, b, 'min'], `${band.min} overlaps the band before it (which ends at ${previous.max}); list bands from lowest to highest`);
    }
  });
}
