import type { z } from 'zod';
import { formatDefinitionProblem } from './format-definition-problem.js';

/** zod's issues, worded for someone editing JSON rather than TypeScript. */
export function describeZodIssues(source: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => formatDefinitionProblem(source, [...issue.path, key], 'unknown field (check the spelling)'));
    }
    return [formatDefinitionProblem(source, issue.path, issue.message.replace(/^Invalid input: /, ''))];
  });
}
