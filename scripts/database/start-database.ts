import { lookup } from 'node:dns/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server-core';
import { startFerretdb } from './start-ferretdb';

export interface RunningDatabase {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  stop(): Promise<void>;
}

export interface StartDatabaseOptions {
  /** Directory for the server's files; kept between runs so a restarted demo remembers. */
  dataDir: string;
  /** Progress lines for the person waiting (building FerretDB the first time takes minutes). */
  log?: (line: string) => void;
  /** Start an embedded server even when MONGODB_URI is set (`db:serve` is that server). */
  embeddedOnly?: boolean;
  /** The embedded server's port on 127.0.0.1; default a free one. */
  port?: number;
  /** Only this kind of embedded server, e.g. the one whose files dataDir already holds. */
  only?: 'mongod' | 'ferretdb';
}

/**
 * Provides a MongoDB-compatible server: `MONGODB_URI` when set; else a real mongod through
 * mongodb-memory-server when one is cached or can be downloaded; else FerretDB 1.24 on SQLite,
 * built from its Go module. Tests, the demo and the CLI's local database all come through here.
 */
export async function startDatabase(options: StartDatabaseOptions): Promise<RunningDatabase> {
  const log = options.log ?? (() => {});
  const external = options.embeddedOnly ? undefined : process.env.MONGODB_URI;
  if (external) return { uri: external, kind: 'external', stop: async () => {} };

  mkdirSync(options.dataDir, { recursive: true });
  const problems: string[] = [];
  if (options.only === 'ferretdb') {
    problems.push('mongodb-memory-server: not tried (this data folder holds FerretDB files)');
  } else if (await mongodCanBeHad()) {
    try {
      const dbPath = path.join(options.dataDir, 'mongod');
      mkdirSync(dbPath, { recursive: true });
      const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger', ...(options.port === undefined ? {} : { port: options.port }) } });
      log(`database: mongod (mongodb-memory-server) at ${server.getUri()}`);
      return { uri: server.getUri(), kind: 'mongod', stop: async () => void (await server.stop({ doCleanup: false })) };
    } catch (error) {
      problems.push(`mongodb-memory-server: ${firstLine(error)}`);
    }
  } else {
    problems.push('mongodb-memory-server: no mongod binary cached and its download host cannot be resolved');
  }

  if (options.only === 'mongod') throw new Error(`No mongod could be started for this data folder, which holds mongod files:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  try {
    const ferret = await startFerretdb({ dataDir: path.join(options.dataDir, 'ferretdb'), log, ...(options.port === undefined ? {} : { port: options.port }) });
    log(`database: FerretDB 1.24 on SQLite at ${ferret.uri}`);
    return { ...ferret, kind: 'ferretdb' };
  } catch (error) {
    problems.push(`FerretDB: ${firstLine(error)}`);
  }
  throw new Error(
    'No MongoDB-compatible database could be started.\n' +
      problems.map((p) => `  - ${p}`).join('\n') +
      '\nFix one of these:\n' +
      '  - set MONGODB_URI to a running MongoDB, Atlas or FerretDB server, or\n' +
      '  - install Go 1.22+ (https://go.dev/dl/) so FerretDB can be built (needs the Go module proxy), or\n' +
      '  - allow downloads from fastdl.mongodb.org so mongodb-memory-server can fetch a mongod.',
  );
}

/** A cached or system mongod works offline; otherwise the download host must at least resolve. */
async function mongodCanBeHad(): Promise<boolean> {
  if (process.env.MONGOMS_SYSTEM_BINARY) return true;
  try {
    await Promise.race([
      lookup('fastdl.mongodb.org'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'unknown error';
}
