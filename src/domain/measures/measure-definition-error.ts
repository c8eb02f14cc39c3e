/**
 * A definition (or licensed wording) file that cannot be used. The message lists every problem as
 * `file: field.path: what is wrong`, so an admin can fix them all in one pass.
 */
export class MeasureDefinitionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'MeasureDefinitionError';
  }
}
