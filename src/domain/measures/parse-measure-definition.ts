import { checkMeasureDefinition } from './check-measure-definition.js';
import { describeZodIssues } from './describe-zod-issues.js';
import { formatDefinitionProblem } from './format-definition-problem.js';
import type { Measure } from './measure.js';
import { MeasureDefinitionError } from './measure-definition-error.js';
import { measureDefinitionSchema } from './measure-schema.js';

/**
 * Validate one definition (already parsed from JSON) and resolve shared options onto each item.
 * `source` names the file in error messages. Throws MeasureDefinitionError listing every problem.
 */
export function parseMeasureDefinition(input: unknown, source: string): Measure {
  const parsed = measureDefinitionSchema.safeParse(input);
  if (!parsed.success) throw new MeasureDefinitionError(describeZodIssues(source, parsed.error.issues));
  const problems = checkMeasureDefinition(parsed.data);
  if (problems.length > 0) {
    throw new MeasureDefinitionError(problems.map((problem) => formatDefinitionProblem(source, problem.path, problem.message)));
  }
  const { options: shared, items, ...rest } = parsed.data;
  return { ...rest, items: items.map((item) => ({ ...item, options: item.options ?? shared ?? [] })) };
}
