import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase } from '../database/start-database.js';

/**
 * Runs one benchmark on its own embedded database (started in a temporary folder and removed
 * after), then exits: for the `run-<name>.ts` scripts that run one part of `npm run bench`.
 */
export function onOwnDatabase(name: string, bench: (uri: string) => Promise<void>): void {
  const run = async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
    const database = await startDatabase({ dataDir });
    try {
      await bench(`${database.uri.replace(/\/$/, '')}/bench_${name}_${randomUUID().slice(0, 8)}`);
    } finally {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  run().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
