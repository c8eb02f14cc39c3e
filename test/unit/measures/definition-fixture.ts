import fs from 'node:fs';
import path from 'node:path';
import { shippedMeasuresDirectory } from '../../../src/domain/measures/load-measures.js';

// Tests reach into arbitrary paths of the JSON to break it on purpose; typing each shape would bury the intent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DefinitionJson = any;

/** A shipped definition as raw JSON, to break on purpose. A fresh copy each call. */
export function definitionFixture(id: string): DefinitionJson {
  return JSON.parse(fs.readFileSync(path.join(shippedMeasuresDirectory, `${id}.json`), 'utf8')) as DefinitionJson;
}
