import type { DefinitionPath } from './check-measure-definition.js';

/** `phq9.json: items[3].options[1].value: expected number`: file, then the field as written in JSON. */
export function formatDefinitionProblem(source: string, path: readonly PropertyKey[] | DefinitionPath, message: string): string {
  const field = formatPath(path);
  return field ? `${source}: ${field}: ${message}` : `${source}: ${message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][\w-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
