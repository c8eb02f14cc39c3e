import { MongoClient, type Db } from 'mongodb';

export interface MongoConnection {
  client: MongoClient;
  db: Db;
}

/** Raised when the database cannot be reached; its message is meant for an operator, not a stack trace. */
export class DatabaseUnreachableError extends Error {
  constructor(uri: string, timeoutMs: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`Cannot reach MongoDB at ${redactUri(uri)} within ${timeoutMs / 1000} s: ${reason}. ` +
      'Check that the server is running and MONGODB_URI is right.');
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * Connects and pings, giving up after timeoutMs with a DatabaseUnreachableError. `monitorCommands`
 * makes the client emit the driver's command events (commandStarted...), which the round-trip
 * benchmark and test count; off by default, since every command then allocates an event.
 */
export async function connectMongo(uri: string, timeoutMs = 10_000, options: { monitorCommands?: boolean } = {}): Promise<MongoConnection> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    appName: 'promptly',
    monitorCommands: options.monitorCommands ?? false,
  });
  try {
    await client.connect();
    const db = client.db(databaseName(uri));
    await db.command({ ping: 1 });
    return { client, db };
  } catch (error) {
    await client.close().catch(() => {});
    throw new DatabaseUnreachableError(uri, timeoutMs, error);
  }
}

/** The database named in the URI's path, or `promptly` when the URI names none. */
export function databaseName(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : 'promptly';
}

/** Hides credentials so the URI can be logged or shown. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
