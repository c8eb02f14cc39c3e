import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import type { TableWriter } from '../../app/ports/table-writer.js';

/**
 * CSV for Excel and SPSS: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the
 * local code page and garbles "é"), CRLF line ends, a header row. Each table goes to its own
 * output (the data, and the dictionary beside it); a table without an output is skipped.
 */
export function createCsvTableWriter(outputs: { data?: Writable; dictionary?: Writable }): TableWriter {
  let current: { stringifier: Stringifier; output: Writable } | null = null;
  let skipping = false;
  const end = async () => {
    if (!current) return;
    const { stringifier, output } = current;
    current = null;
    stringifier.end();
    await finished(output);
  };
  return {
    async table(name, columns) {
      await end();
      const output = outputs[name];
      skipping = !output;
      if (!output) return;
      const stringifier = stringify({ bom: true, header: true, columns: [...columns], record_delimiter: 'windows' });
      stringifier.pipe(output);
      current = { stringifier, output };
    },
    async row(cells) {
      if (skipping || !current) return;
      if (!current.stringifier.write(cells.map((cell) => cell ?? ''))) await once(current.stringifier, 'drain');
    },
    finish: end,
  };
}
