import { describeZodIssues } from './describe-zod-issues.js';
import type { AnswerOption, Measure, MeasureItem } from './measure.js';
import { formatDefinitionProblem } from './format-definition-problem.js';
import type { LicensedWording, WordingOption } from './licensed-wording-schema.js';
import { licensedWordingSchema } from './licensed-wording-schema.js';
import { MeasureDefinitionError } from './measure-definition-error.js';

/**
 * Fill a skeleton (or add a language to any measure) with wording from a file the organisation holds
 * a licence for. Only text is added: ids, values and scoring stay as shipped, so scores from
 * different organisations remain comparable. Throws MeasureDefinitionError naming file and field.
 */
export function applyLicensedWording(measure: Measure, input: unknown, source: string): Measure {
  const parsed = licensedWordingSchema.safeParse(input);
  if (!parsed.success) throw new MeasureDefinitionError(describeZodIssues(source, parsed.error.issues));
  const wording = parsed.data;
  const problems = checkWording(measure, wording).map((p) => formatDefinitionProblem(source, p.path, p.message));
  if (problems.length > 0) throw new MeasureDefinitionError(problems);
  const { language } = wording;
  return {
    ...measure,
    languages: measure.languages.includes(language) ? measure.languages : [...measure.languages, language],
    licence: { ...measure.licence, licensee: wording.licensee },
    stem: wording.stem === undefined ? measure.stem : { ...measure.stem, [language]: wording.stem },
    recallPeriod: wording.recallPeriod === undefined ? measure.recallPeriod : { ...measure.recallPeriod, [language]: wording.recallPeriod },
    items: measure.items.map((item) => fillItem(item, wording)),
  };
}

function fillItem(item: MeasureItem, wording: LicensedWording): MeasureItem {
  const { language } = wording;
  const itemWording = wording.items[item.id];
  const optionWording = itemWording?.options ?? wording.options ?? [];
  return {
    ...item,
    text: itemWording ? { ...item.text, [language]: itemWording.text } : item.text,
    options: item.options.map((option) => fillOption(option, optionWording, language)),
  };
}

function fillOption(option: AnswerOption, wording: readonly WordingOption[], language: string): AnswerOption {
  const found = wording.find((candidate) => candidate.value === option.value);
  if (!found) return option;
  return {
    ...option,
    label: { ...option.label, [language]: found.label },
    synonyms: found.synonyms ? { ...option.synonyms, [language]: found.synonyms } : option.synonyms,
  };
}

type Problem = { path: (string | number)[]; message: string };

function checkWording(measure: Measure, wording: LicensedWording): Problem[] {
  const problems: Problem[] = [];
  if (wording.measure !== measure.id) problems.push({ path: ['measure'], message: `is "${wording.measure}", expected "${measure.id}"` });
  for (const [id, itemWording] of Object.entries(wording.items)) {
    const item = measure.items.find((candidate) => candidate.id === id);
    if (!item) problems.push({ path: ['items', id], message: `no item "${id}" in ${measure.id}` });
    else problems.push(...checkValues(['items', id, 'options'], itemWording.options ?? [], [item]));
  }
  const sharing = measure.items.filter((item) => !wording.items[item.id]?.options);
  problems.push(...checkValues(['options'], wording.options ?? [], sharing));
  return problems;
}

// Wording may only label values the skeleton already scores.
function checkValues(path: (string | number)[], options: readonly WordingOption[], items: readonly MeasureItem[]): Problem[] {
  return options.flatMap((option, j) => {
    const item = items.find((candidate) => !candidate.options.some((o) => o.value === option.value));
    if (!item) return [];
    const values = item.options.map((o) => o.value).join(', ');
    return [{ path: [...path, j, 'value'], message: `${option.value} is not an option of item "${item.id}" (${values})` }];
  });
}
