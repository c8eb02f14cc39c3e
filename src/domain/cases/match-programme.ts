import { editDistance } from '../measures/edit-distance.js';

/** What matching needs of a programme: the short name workers type (its slug) and its full name. */
export interface NamedProgramme {
  readonly slug: string;
  readonly name: string;
}

export type ProgrammeMatch<P extends NamedProgramme> =
  /** `label`: whatever followed the programme's words (ENROL by text only). */
  | { readonly kind: 'matched'; readonly programme: P; readonly label?: string }
  /** The words name no programme and are not close to one: all of them are the label. */
  | { readonly kind: 'none'; readonly label?: string }
  /** Close to, or shared by, several programmes (or close to one without being sure): ask, listing `candidates`. */
  | { readonly kind: 'unclear'; readonly candidates: readonly P[] }
  /** `whole` mode: the text names no programme at all. */
  | { readonly kind: 'unknown' };

/**
 * Which programme a worker meant. `leading` reads ENROL's words after the number, where a
 * programme may come first and whatever follows is a label ("wellbeing Priya"); `whole` reads a
 * field that can only be a programme (the API's `programme`).
 *
 * Forgiving, in this order, longest run of words first: the slug or the name ("wellbeing-check",
 * "Wellbeing check", "wellbeingcheck"), the first word of the name ("wellbeing"), then a small typo
 * of either. A typo is 1 slip in 5-7 letters and 2 from 8, with the first letter right: short words
 * must be exact, because labels are often short names ("Ben" is not a slip for "Men's group").
 * Words that are one slip further still are `unclear`, never a label: a worker who typed "anxeity
 * grup" meant a programme, and enrolling on the default with that label would be the wrong guess.
 */
export function matchProgramme<P extends NamedProgramme>(text: string, programmes: readonly P[], mode: 'leading' | 'whole'): ProgrammeMatch<P> {
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  const handles = programmes.map((programme) => ({ programme, ...handlesOf(programme) }));
  // A comma ends the programme's words ("wellbeing, Priya"), as it ends the number.
  const stop = tokens.findIndex((token) => /[,;]$/.test(token));
  const longest = mode === 'whole' ? tokens.length : Math.min(stop === -1 ? tokens.length : stop + 1, maxProgrammeWords);
  const lengths = mode === 'whole' ? [tokens.length] : Array.from({ length: longest }, (_, i) => longest - i);
  const labelAfter = (words: number) => tidyLabel(tokens.slice(words).join(' '));

  // Exact evidence first, at any length; a run of words shared by several programmes ("anxiety")
  // gives way to a longer one that names only one of them, even with a slip ("anxiety grup").
  // Then, for the label's sake, the longest run of words that is (with a slip) the programme found:
  // "anxiety grup Sam" is Anxiety Group for Sam, not for "grup Sam".
  const matching = (tests: readonly Test[], words: number) => {
    const phrase = normalise(tokens.slice(0, words).join(' '));
    return phrase === '' ? [] : handles.filter((handle) => tests.some((test) => test(phrase, handle, words)));
  };
  let shared: P[] | undefined;
  for (const tests of [exactTests, slipTests]) {
    for (const words of lengths) {
      const found = matching(tests, words);
      const [only] = found;
      if (only && found.length === 1) {
        const longer = lengths.find((more) => more > words && isOnly(matching(slipTests, more), only));
        return { kind: 'matched', programme: only.programme, ...labelAfter(longer ?? words) };
      }
      if (found.length > 1) shared ??= found.map((handle) => handle.programme);
    }
  }
  if (shared) return { kind: 'unclear', candidates: shared };
  const first = normalise(tokens.slice(0, mode === 'whole' ? tokens.length : 1).join(' '));
  const near = handles.filter((handle) => nearMiss(first, handle));
  if (near.length > 0) return { kind: 'unclear', candidates: near.map((handle) => handle.programme) };
  return mode === 'whole' ? { kind: 'unknown' } : { kind: 'none', ...labelAfter(0) };
}

function isOnly<T>(found: readonly T[], wanted: T): boolean {
  return found.length === 1 && found[0] === wanted;
}

/** Longer programme names exist, but nobody types more than this before the person's name. */
const maxProgrammeWords = 5;

interface Handles {
  /** Slug and name, normalised: "wellbeing-check". */
  readonly full: readonly string[];
  /** The name's first word: "wellbeing". */
  readonly first: readonly string[];
}

type Test = (phrase: string, handles: Handles, words: number) => boolean;

const exactTests: Test[] = [
  (phrase, handles) => handles.full.some((full) => full === phrase || full.replace(/-/g, '') === phrase.replace(/-/g, '')),
  (phrase, handles, words) => words === 1 && handles.first.includes(phrase),
];

const slipTests: Test[] = [
  (phrase, handles) => handles.full.some((full) => isSlip(phrase, full, 0)),
  (phrase, handles, words) => words === 1 && handles.first.some((first) => isSlip(phrase, first, 0)),
];

function nearMiss(phrase: string, handles: Handles): boolean {
  return phrase !== '' && [...handles.full, ...handles.first].some((target) => isSlip(phrase, target, 1));
}

/** Within the slips allowed for a word this long (plus `extra`), the first letter right. */
function isSlip(phrase: string, target: string, extra: number): boolean {
  const letters = phrase.replace(/-/g, '').length;
  const allowed = letters < 5 ? 0 : letters < 8 ? 1 : 2;
  if (allowed === 0 || phrase[0] !== target[0]) return false;
  return editDistance(phrase, target) <= allowed + extra;
}

function handlesOf(programme: NamedProgramme): Handles {
  const full = [...new Set([normalise(programme.slug), normalise(programme.name)].filter((handle) => handle !== ''))];
  // "men" of the slug men-s-group, and "men-s" as "Men's" is typed.
  const firstWords = [...full.map((handle) => handle.split('-')[0] ?? ''), normalise(programme.name.trim().split(/\s+/)[0] ?? '')];
  const first = [...new Set(firstWords.filter((word) => word !== ''))];
  return { full, first };
}

/**
 * The same normal form as a programme's slug (app/admin/programme-slug.ts): lower case, accents
 * dropped, every run of other characters one hyphen. Repeated here because the domain imports
 * nothing from the app; a test holds the two together (a name typed out matches its slug).
 */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function tidyLabel(text: string): { label?: string } {
  const label = text.replace(/^[,;:\s-]+/, '').trim();
  return label === '' ? {} : { label };
}
