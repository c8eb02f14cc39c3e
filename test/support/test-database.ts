import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';

export interface TestDatabase {
  /** A URI naming this file's own database, for code that connects by itself (the server). */
  uri: string;
  client: MongoClient;
  db: Db;
  /** Drops the database and closes the client. */
  close(): Promise<void>;
}

/** A fresh database for one test file on the server the global setup provided. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const base = process.env.MONGODB_URI;
  if (!base) throw new Error('MONGODB_URI is not set: run the tests with `npm test` so the global setup provides a database');
  const testFile = path.basename(expect.getState().testPath ?? 'test', '.test.ts').replace(/[^a-zA-Z0-9]/g, '_').slice(0, 40);
  const name = `t_${testFile}_${randomBytes(4).toString('hex')}`;
  const uri = withDatabaseName(base, name);
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
  const db = client.db(name);
  return {
    uri,
    client,
    db,
    async close() {
      await db.dropDatabase().catch(() => {});
      await client.close();
    },
  };
}

export function withDatabaseName(uri: string, name: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${name}`);
}
