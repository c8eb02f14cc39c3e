import type { Db } from 'mongodb';
import { connectMongo } from '../../src/adapters/mongo/connect-mongo.js';
import { loadConfig, loadDotEnv, type Config } from '../../src/config.js';

/** Runs a CLI action with the server's config and database, always closing the connection. */
export async function withDatabase<T>(action: (context: { db: Db; config: Config }) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const { client, db } = await connectMongo(config.mongodbUri);
  try {
    return await action({ db, config });
  } finally {
    await client.close();
  }
}
