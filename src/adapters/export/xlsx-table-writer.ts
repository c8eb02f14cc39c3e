import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TableWriter } from '../../app/ports/table-writer.js';

const sheetNames = { data: 'assessments', dictionary: 'dictionary' } as const;

/**
 * One XLSX workbook with a sheet per table, written by exceljs's streaming WorkbookWriter: each
 * row is committed as it comes (no shared strings, no styles), so memory stays flat however many
 * rows there are; a full output buffer pauses the rows until it drains.
 */
export function createXlsxTableWriter(output: Writable): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  let sheet: ExcelJS.Worksheet | null = null;
  return {
    async table(name, columns) {
      if (sheet) sheet.commit();
      sheet = workbook.addWorksheet(sheetNames[name]);
      sheet.addRow([...columns]).commit();
    },
    async row(cells) {
      sheet?.addRow([...cells]).commit();
      if (output.writableNeedDrain) await once(output, 'drain');
    },
    async finish() {
      if (sheet) sheet.commit();
      await workbook.commit();
    },
  };
}
