import type { Measure, MeasureItem } from '../../domain/measures/measure.js';
import type { Cell } from '../ports/table-writer.js';

export type ExportShape = 'long' | 'wide';
export type ExportIdentity = 'pseudonymised' | 'stable-pseudonyms' | 'identifiable';

export const dictionaryColumns = ['variable', 'measure', 'item', 'description', 'type', 'value_labels', 'validated'] as const;

/** The columns of an export and its data dictionary, known before the first row is read. */
export interface ExportLayout {
  readonly columns: readonly string[];
  readonly dictionary: readonly (readonly Cell[])[];
  /** Wide only: the column of each measure's item, subscale and subscale band. */
  readonly wide: ReadonlyMap<string, { items: Map<string, number>; subscales: Map<string, { score: number; band: number | null }> }>;
}

/**
 * Long: one row per answered item. Wide: one row per completed timepoint and measure, with a
 * column per item of every measure in scope (`<measure>_<item>`, so PHQ-9's and GAD-7's q1 stay
 * apart and the names are valid SPSS variables), then total, converted, band and each subscale.
 * The person is a pseudonym, or their reference in the identifiable internal export; workers are
 * their team, and named only in the identifiable export.
 */
export function exportLayout(shape: ExportShape, identity: ExportIdentity, measures: readonly Measure[]): ExportLayout {
  const personColumn = identity === 'identifiable' ? 'reference' : 'pseudonym';
  const lead = [personColumn, 'programme', 'timepoint', 'due_date', 'completed_date', 'late', 'measure', 'measure_version'];
  const tail = identity === 'identifiable' ? ['team', 'worker'] : ['team'];
  const dictionary: Cell[][] = [
    [personColumn, null, null, identity === 'identifiable'
      ? 'the person\'s reference in promptly (identifiable: for internal use only)'
      : identity === 'stable-pseudonyms'
        ? 'the person, as a pseudonym keyed by the organisation\'s export key: the same in every export made with stable pseudonyms'
        : 'the person, as a pseudonym keyed for this export only: the same within it, different in the next', 'text', null, null],
    ['programme', null, null, 'the programme\'s short name', 'text', null, null],
    ['timepoint', null, null, '"baseline", a follow-up such as "6w", or "discharge"', 'text', null, null],
    ['due_date', null, null, 'the date the timepoint fell due, in the organisation\'s time zone (ISO 8601)', 'date', null, null],
    ['completed_date', null, null, 'the date the answers were completed, in the organisation\'s time zone (ISO 8601)', 'date', null, null],
    ['late', null, null, 'completed after its window closed', 'numeric', '0=on time; 1=late', null],
    ['measure', null, null, 'the measure\'s id', 'text', null, null],
    ['measure_version', null, null, 'the version of the measure\'s definition it was scored with', 'text', null, null],
  ];
  const wide = new Map<string, { items: Map<string, number>; subscales: Map<string, { score: number; band: number | null }> }>();
  const columns = [...lead];
  if (shape === 'long') {
    columns.push('item', 'value');
    dictionary.push(['item', null, null, 'the item\'s id within the measure', 'text', null, null]);
    dictionary.push(['value', null, null, 'the answer chosen, as the option\'s value before any reverse keying (labels per item below)', 'numeric', null, null]);
    for (const measure of measures) {
      for (const item of measure.items) dictionary.push(['value', measure.id, item.id, itemDescription(measure, item), 'numeric', valueLabels(item), validated(measure)]);
    }
  } else {
    for (const measure of measures) {
      const items = new Map<string, number>();
      for (const item of measure.items) {
        items.set(item.id, columns.length);
        const name = variableName(measure.id, item.id);
        columns.push(name);
        dictionary.push([name, measure.id, item.id, itemDescription(measure, item), 'numeric', valueLabels(item), validated(measure)]);
      }
      wide.set(measure.id, { items, subscales: new Map() });
    }
    columns.push('total', 'converted', 'band');
    dictionary.push(['total', null, null, 'the measure\'s total after reverse keying (prorated where its rules allow); empty when it has none or could not be scored', 'numeric', null, null]);
    dictionary.push(['converted', null, null, 'the converted score where the measure has a conversion table (e.g. SWEMWBS metric score)', 'numeric', null, null]);
    dictionary.push(['band', null, null, 'the severity band of the score, in the measure\'s own words', 'text', null, null]);
    for (const measure of measures) {
      for (const subscale of measure.scoring.subscales) {
        const name = variableName(measure.id, 'sub', subscale.id);
        const score = columns.length;
        columns.push(name);
        dictionary.push([name, measure.id, null, `subscale: ${subscale.label} (items ${subscale.items.join(', ')})`, 'numeric', null, validated(measure)]);
        let band: number | null = null;
        if (subscale.bands) {
          band = columns.length;
          columns.push(`${name}_band`);
          dictionary.push([`${name}_band`, measure.id, null, `subscale band: ${subscale.label} (${subscale.bands.map((b) => `${b.min}-${b.max} ${b.label}`).join('; ')})`, 'text', null, validated(measure)]);
        }
        wide.get(measure.id)?.subscales.set(subscale.id, { score, band });
      }
    }
  }
  columns.push(...tail);
  dictionary.push(['team', null, null, 'the team of the worker responsible for the person at the time', 'text', null, null]);
  if (identity === 'identifiable') dictionary.push(['worker', null, null, 'the worker responsible at the time (identifiable: for internal use only)', 'text', null, null]);
  for (const measure of measures) {
    dictionary.push([`(measure ${measure.id})`, measure.id, null, `${measure.title}, version ${measure.version}; ${measure.scoring.higherIsBetter ? 'higher' : 'lower'} scores are better; ${measure.licence.attribution}`, null, null, validated(measure)]);
  }
  return { columns, dictionary, wide };
}

/** An SPSS-safe variable name: letters, digits and "_" only, starting with a letter. */
export function variableName(...parts: string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

function validated(measure: Measure): string {
  return measure.validated ? 'validated' : 'not validated (bespoke): describes, does not diagnose';
}

/** The item's wording where the licence lets the text travel; its id alone otherwise. */
function itemDescription(measure: Measure, item: MeasureItem): string {
  const text = measure.licence.textMayBeShipped ? item.text?.en : undefined;
  return `${measure.id} ${item.id}${text ? `: ${text}` : ''}${item.reverseKeyed ? ' (reverse-keyed when scored)' : ''}`;
}

function valueLabels(item: MeasureItem): string {
  const values = item.options.map((option) => option.value);
  const labelled = item.options.filter((option) => option.label?.en).map((option) => `${option.value}=${option.label?.en}`);
  const range = `values ${Math.min(...values)} to ${Math.max(...values)}`;
  return labelled.length === item.options.length ? labelled.join('; ') : `${labelled.join('; ')}${labelled.length > 0 ? ' ' : ''}(${range})`;
}
