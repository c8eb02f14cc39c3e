import type { z } from 'zod';

/**
 * What an admin use case answers: the thing done, or every reason it was not, worded so the person
 * at the CLI or API can fix them in one go. The HTTP layer maps the kinds to 400, 409 and 404;
 * `conflict` is a request the current state refuses (a worker with a caseload cannot simply go).
 */
export type AdminResult<T> = { readonly ok: true; readonly value: T } | AdminRefusal;

export interface AdminRefusal {
  readonly ok: false;
  readonly kind: 'invalid' | 'duplicate' | 'not-found' | 'conflict';
  readonly problems: readonly string[];
}

export function refuse(kind: AdminRefusal['kind'], problems: readonly string[]): AdminRefusal {
  return { ok: false, kind, problems };
}

/** zod's issues as `field: what is wrong`, with unknown fields named one by one (usually typos). */
export function describeInputIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${fieldPath([...issue.path, key])}: unknown field (check the spelling)`);
    const message = issue.message.replace(/^Invalid input: /, '');
    return [issue.path.length === 0 ? message : `${fieldPath(issue.path)}: ${message}`];
  });
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}
