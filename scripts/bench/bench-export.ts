import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createExportPseudonyms } from '../../src/adapters/crypto/export-pseudonyms.js';
import { createCsvTableWriter } from '../../src/adapters/export/csv-table-writer.js';
import { createXlsxTableWriter } from '../../src/adapters/export/xlsx-table-writer.js';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoProgrammeCatalogue } from '../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoReportSource } from '../../src/adapters/mongo/mongo-report-source.js';
import { prepareExport, type ExportRequest } from '../../src/app/reports/export-assessments.js';
import { loadMeasures } from '../../src/domain/measures/load-measures.js';
import { scoreMeasure } from '../../src/domain/measures/score-measure.js';

/**
 * Issue 16: an export of `count` completed PHQ-9 assessments (9 answers each), long CSV and wide
 * XLSX to files, printing time, rows and RSS growth: the peak RSS sampled every 50 ms during the
 * export minus the RSS just before it (after a GC when --expose-gc), target under 100 MB.
 */
export async function benchExport(uri: string, options: { count: number }): Promise<void> {
  const client = await new MongoClient(uri).connect();
  const db = client.db();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptly-export-'));
  try {
    const measures = loadMeasures();
    const programmes = createMongoProgrammeCatalogue(db);
    const programmeId = randomUUID();
    const created = new Date('2026-01-05T09:00:00Z');
    await programmes.add({
      id: programmeId, slug: 'bench', name: 'Bench', measureId: 'phq9', plan: { followUps: [], reminders: { afterDays: [] }, consentReminders: { afterDays: [] } },
      isDefault: true, progressMessages: false, createdAt: created,
    });
    const workerId = randomUUID();
    await db.collection('staff').insertOne({ _id: workerId as never, name: 'Bench Worker', role: 'worker', team: 'north', createdAt: created });
    const seedStarted = performance.now();
    const batch = 5000;
    for (let start = 0; start < options.count; start += batch) {
      const docs = Array.from({ length: Math.min(batch, options.count - start) }, (_, offset) => {
        const i = start + offset;
        const values = Object.fromEntries(Array.from({ length: 9 }, (_v, item) => [`q${item + 1}`, (i + item) % 4]));
        const completedAt = new Date(created.getTime() + (i % 300) * 86_400_000);
        return {
          _id: randomUUID(), enrolmentId: `e${Math.floor(i / 2)}`, serviceUserId: `u${Math.floor(i / 2)}`, workerId, programmeId, measureId: 'phq9',
          kind: i % 2 === 0 ? 'baseline' : 'follow-up', timepointId: i % 2 === 0 ? 'baseline' : '6w', status: 'completed', dueAt: completedAt, opensAt: completedAt,
          closesAt: completedAt, completedAt, late: false,
          answers: Object.fromEntries(Object.entries(values).map(([item, value]) => [item, { raw: String(value), value, at: completedAt, attempts: 1 }])),
          score: scoreMeasure(measures.get('phq9')!, values),
        };
      });
      await db.collection('assessments').insertMany(docs as never[], { ordered: false });
    }
    console.log(`export: seeded ${options.count} assessments in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const deps = {
      source: createMongoReportSource(db), programmes, measures, pseudonyms: createExportPseudonyms(randomBytes(32)), audit: createMongoAuditLog(db),
      clock: { now: () => new Date() }, org: { timezone: 'Europe/London' },
    };
    for (const [format, shape] of [['csv', 'long'], ['xlsx', 'wide']] as const) {
      const request: ExportRequest = { from: '2026-01-01', to: '2026-12-31', format, shape, identity: 'pseudonymised' };
      const file = path.join(dir, `export.${format}`);
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      const started = performance.now();
      const prepared = await prepareExport(deps, request, 'bench');
      if (!prepared.ok) throw new Error(prepared.problems.join('; '));
      const output = createWriteStream(file);
      const writer = format === 'csv'
        ? createCsvTableWriter({ data: output, dictionary: createWriteStream(path.join(dir, 'export-dictionary.csv')) })
        : createXlsxTableWriter(output);
      const { rows } = await prepared.value.write(writer, { dictionary: true });
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `export: ${options.count} assessments as ${shape} ${format}, ${rows} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s ` +
        `(${Math.round(rows / seconds)} rows/s), RSS ${(before / 1e6).toFixed(0)} MB -> peak ${(peak / 1e6).toFixed(0)} MB, growth ${((peak - before) / 1e6).toFixed(1)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await client.close();
  }
}
