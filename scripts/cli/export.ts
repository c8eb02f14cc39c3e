import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { createExportPseudonyms } from '../../src/adapters/crypto/export-pseudonyms.js';
import { createCsvTableWriter } from '../../src/adapters/export/csv-table-writer.js';
import { createXlsxTableWriter } from '../../src/adapters/export/xlsx-table-writer.js';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoProgrammeCatalogue } from '../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoReportSource } from '../../src/adapters/mongo/mongo-report-source.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { refuse } from '../../src/app/admin/admin-result.js';
import { prepareExport } from '../../src/app/reports/export-assessments.js';
import { filterProblems, inOrder, reportFilterShape } from '../../src/app/reports/report-filter.js';
import { loadMeasures } from '../../src/domain/measures/load-measures.js';
import { adminCliIo, printResult, type AdminCliIo } from './admin-cli-io.js';
import { withDatabase } from './with-database.js';

const exportOptions = inOrder(
  z.object({
    ...reportFilterShape,
    format: z.enum(['csv', 'xlsx'], { error: 'format is csv or xlsx' }),
    shape: z.enum(['long', 'wide'], { error: 'shape is long or wide' }).default('long'),
    out: z.string({ error: 'out: give the file to write, e.g. --out outcomes.csv' }).min(1),
    stablePseudonyms: z.boolean().default(false),
    identifiable: z.boolean().default(false),
    json: z.boolean().default(false),
  }),
).refine((o) => !(o.identifiable && o.stablePseudonyms), { error: 'identifiable: an identifiable export has references, not pseudonyms; leave out --stable-pseudonyms', path: ['identifiable'] });

/**
 * `export assessments`: the assessments completed in a period, pseudonymised by default, as CSV
 * (with `<file>-dictionary.csv` beside it) or XLSX (with a dictionary sheet). The CLI is the
 * operator's (it holds the database and the key), so stable pseudonyms and the identifiable
 * export are allowed here; the API restricts them by role.
 */
export function exportCommand(io: Pick<AdminCliIo, 'out' | 'err' | 'fail'> = adminCliIo()): Command {
  const command = new Command('export').description('exports for analysts and commissioners');
  command
    .command('assessments')
    .description('completed assessments as CSV or XLSX, pseudonymised, with a data dictionary')
    .requiredOption('--from <date>', 'first day of the period (completed on or after), YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD, included')
    .option('--programme <name>', 'one programme (short name or name); all when left out')
    .requiredOption('--format <format>', 'csv or xlsx')
    .option('--shape <shape>', 'long (a row per answered item) or wide (a row per timepoint and measure)', 'long')
    .requiredOption('--out <file>', 'the file to write; a CSV gets its dictionary beside it as <file>-dictionary.csv')
    .option('--stable-pseudonyms', 'pseudonyms keyed by the organisation\'s export key, the same in every export (admins only)')
    .option('--identifiable', 'references and worker names instead of pseudonyms: for internal use only (the file name says so)')
    .option('--json', 'print JSON instead of text')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = exportOptions.safeParse(raw);
      if (!parsed.success) {
        printResult(io as AdminCliIo, 'export assessments', refuse('invalid', filterProblems(parsed.error.issues).map((p) => `--${p}`)), raw.json === true, () => '');
        return;
      }
      const o = parsed.data;
      const result = await withDatabase(async ({ db, config }) => {
        const prepared = await prepareExport(
          {
            source: createMongoReportSource(db), programmes: createMongoProgrammeCatalogue(db), audit: createMongoAuditLog(db), clock: systemClock,
            measures: loadMeasures(config.measuresDir ? [config.measuresDir] : []), org: config.org, pseudonyms: createExportPseudonyms(config.encryptionKey),
          },
          {
            from: o.from, to: o.to, ...(o.programme ? { programme: o.programme } : {}), format: o.format, shape: o.shape,
            identity: o.identifiable ? 'identifiable' : o.stablePseudonyms ? 'stable-pseudonyms' : 'pseudonymised',
          },
          'cli',
        );
        if (!prepared.ok) return prepared;
        // The identifiable export says so in its name, whatever --out was.
        const file = o.identifiable && !/identifiable/i.test(path.basename(o.out)) ? withSuffix(o.out, '-IDENTIFIABLE-internal-only') : o.out;
        const dictionaryFile = o.format === 'csv' ? withSuffix(file, '-dictionary', '.csv') : null;
        const data = fs.createWriteStream(file);
        const writer = o.format === 'csv'
          ? createCsvTableWriter({ data, ...(dictionaryFile ? { dictionary: fs.createWriteStream(dictionaryFile) } : {}) })
          : createXlsxTableWriter(data);
        const { rows } = await prepared.value.write(writer, { dictionary: true });
        return { ok: true as const, value: { file, dictionary: dictionaryFile ?? `${file} (sheet "dictionary")`, rows, format: o.format, shape: o.shape, pseudonymised: !o.identifiable } };
      });
      printResult(io as AdminCliIo, 'export assessments', result, o.json, (v) =>
        `wrote ${v.rows} rows to ${v.file} (${v.format}, ${v.shape}, ${v.pseudonymised ? 'pseudonymised' : 'IDENTIFIABLE: internal use only'})\ndata dictionary: ${v.dictionary}`);
    });
  return command;
}

function withSuffix(file: string, suffix: string, extension?: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}${suffix}${extension ?? ext}`;
}
