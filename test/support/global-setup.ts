// Extensionless imports here and in scripts/database: Jest loads global setup outside its module
// mapper, where `./x.js` would not resolve to `./x.ts`.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase, type RunningDatabase } from '../../scripts/database/start-database';

declare global {
  var __promptlyTestDatabase: { db: RunningDatabase; dataDir: string } | undefined;
}

/**
 * One MongoDB-compatible server for the whole run (MONGODB_URI, a mongod, or FerretDB on SQLite);
 * each test file then works in a database of its own (test/support/test-database.ts). The URI is
 * handed to the workers through the environment, which they inherit.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-test-'));
  const db = await startDatabase({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  process.env.MONGODB_URI = db.uri;
  process.env.PROMPTLY_TEST_DB_KIND = db.kind;
  globalThis.__promptlyTestDatabase = { db, dataDir };
}
