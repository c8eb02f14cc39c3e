import type { AnswerOptionDefinition, ItemDefinition, MeasureDefinition } from './measure-schema.js';

/**
 * A validated measure as the rest of the service sees it: each item carries its own answer options
 * (a definition may share one list across items), so nothing downstream has to look them up.
 */
export interface Measure extends Omit<MeasureDefinition, 'items' | 'options'> {
  readonly items: readonly MeasureItem[];
}

export interface MeasureItem extends Omit<ItemDefinition, 'options'> {
  readonly options: readonly AnswerOption[];
}

export type AnswerOption = AnswerOptionDefinition;

/** Answers keyed by item id, as the values of the options chosen; null or absent = not answered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;
