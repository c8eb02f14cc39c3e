export type Cell = string | number | null;

/**
 * Where an export's tables go, one after the other: CSV files (the data, and the dictionary in a
 * file beside it) or the sheets of one XLSX workbook. `row` resolves once the output can take more,
 * so a slow reader slows the database cursor instead of filling memory.
 */
export interface TableWriter {
  table(name: 'data' | 'dictionary', columns: readonly string[]): Promise<void>;
  row(cells: readonly Cell[]): Promise<void>;
  /** Ends the last table and the output; resolves once everything is written. */
  finish(): Promise<void>;
}
