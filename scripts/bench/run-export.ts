import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase } from '../database/start-database.js';
import { benchExport } from './bench-export.js';

/** `npx tsx scripts/bench/run-export.ts [count]`: only the export benchmark, on its own database. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
  const database = await startDatabase({ dataDir });
  try {
    await benchExport(`${database.uri.replace(/\/$/, '')}/bench_export_${randomUUID().slice(0, 8)}`, { count: Number(process.argv[2] ?? 100_000) });
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
