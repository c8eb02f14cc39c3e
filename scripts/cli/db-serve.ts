import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startDatabase, type RunningDatabase } from '../database/start-database.js';

/** Where `db:serve` keeps its files unless told: not in .data/, which belongs to the demo (and is deleted to reset it). */
export const defaultDataDir = 'local-database';
export const defaultDatabasePort = 27017;
/** The MONGODB_URI of the local database on its default port: what setup writes when given none. */
export const localDatabaseUri = (port = defaultDatabasePort) => `mongodb://127.0.0.1:${port}/promptly`;

interface ServeOptions {
  data: string;
  port: number;
  json?: boolean;
}

/**
 * `db:serve`: the embedded database the demo uses (mongod through mongodb-memory-server, or
 * FerretDB on SQLite), as a long-running server on 127.0.0.1 with its files in a folder, for an
 * organisation without a MongoDB of its own. Prints the MONGODB_URI to use; Ctrl-C stops it.
 */
export function dbServeCommand(): Command {
  return new Command('db:serve')
    .description('run a local MongoDB-compatible database (the demo\'s embedded one) until Ctrl-C, and print its MONGODB_URI')
    .option('--data <dir>', 'the folder for its files (keep it, and back it up)', defaultDataDir)
    .option('--port <port>', 'the port on 127.0.0.1', portNumber, defaultDatabasePort)
    .option('--json', 'print one JSON line ({ uri, kind, dataDir }) once it is ready; progress goes to stderr')
    .action((options: ServeOptions) => serve(options));
}

async function serve(options: ServeOptions): Promise<void> {
  const dataDir = path.resolve(options.data);
  const say = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  if (!(await portIsFree(options.port))) {
    throw new Error(`port ${options.port} is already in use (a database already running? \`npm run cli -- db:ping\` checks the one .env names); ` +
      `choose another with --port ${options.port + 1}, and use mongodb://127.0.0.1:${options.port + 1}/promptly as MONGODB_URI`);
  }
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'db-serve.pid');
  refuseSecondServer(lockFile, dataDir);
  writeFileSync(lockFile, String(process.pid));

  let database: RunningDatabase;
  try {
    // Whichever kind first stored data here keeps it: the other kind would start empty.
    const only = holdsData(path.join(dataDir, 'ferretdb'), (file) => file.endsWith('.sqlite')) ? 'ferretdb'
      : holdsData(path.join(dataDir, 'mongod'), (file) => file === 'WiredTiger') ? 'mongod' : undefined;
    database = await startDatabase({ dataDir, port: options.port, embeddedOnly: true, log: say, ...(only ? { only } : {}) });
  } catch (error) {
    rmSync(lockFile, { force: true });
    throw error;
  }
  const uri = localDatabaseUri(options.port);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ uri, kind: database.kind, dataDir })}\n`);
  } else {
    say([
      `local database running (${database.kind === 'mongod' ? 'mongod' : 'FerretDB 1.24 on SQLite'}), files in ${dataDir}; Ctrl-C stops it.`,
      options.port === defaultDatabasePort
        ? 'The MONGODB_URI to use, which `npm run setup` writes to .env when given no other:'
        : `The MONGODB_URI to use (\`npm run setup -- --mongodb-uri ${uri}\` writes it to .env):`,
      `MONGODB_URI=${uri}`,
    ].join('\n'));
  }
  const stop = async () => {
    await database.stop();
    rmSync(lockFile, { force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('give a port number from 1 to 65535');
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Two servers on the same files would corrupt them. */
function refuseSecondServer(lockFile: string, dataDir: string): void {
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // left by a server that was killed
  }
  throw new Error(`a local database is already running on ${dataDir} (process ${pid}); stop it with Ctrl-C in its terminal, or: kill ${pid}`);
}

function holdsData(dir: string, isDataFile: (name: string) => boolean): boolean {
  return existsSync(dir) && readdirSync(dir).some(isDataFile);
}
