/**
 * "Talking Therapies (Adults)" -> "talking-therapies-adults": what a worker types after ENROL, so it
 * is one word. Runs of other characters become a single hyphen and none is left at either end.
 * Applying it to a slug gives the slug back, so a name or a slug can be looked up the same way.
 */
export function programmeSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
