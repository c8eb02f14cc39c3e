import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase } from '../database/start-database.js';
import { benchFanOut } from './bench-fan-out.js';

/** `npx tsx scripts/bench/run-fan-out.ts [people] [processes]`: only the fan-out part of `npm run bench`. */
async function main(): Promise<void> {
  const people = Number(process.argv[2] ?? 10_000);
  const processes = Number(process.argv[3] ?? 1);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
  const database = await startDatabase({ dataDir });
  try {
    await benchFanOut(`${database.uri.replace(/\/$/, '')}/bench_fanout_${randomUUID().slice(0, 8)}`, { people, processes });
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
