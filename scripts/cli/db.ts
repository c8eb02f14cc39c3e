import { Command } from 'commander';
import { redactUri } from '../../src/adapters/mongo/connect-mongo.js';
import { ensureIndexes } from '../../src/adapters/mongo/ensure-indexes.js';
import { withDatabase } from './with-database.js';

/** `db:ping` and `db:indexes`: check the connection and create the indexes the server relies on. */
export function dbCommands(): Command[] {
  const ping = new Command('db:ping')
    .description('connect to MONGODB_URI and report the round trip')
    .option('--json', 'print JSON instead of text')
    .action((options: { json?: boolean }) =>
      withDatabase(async ({ db, config }) => {
        const started = performance.now();
        await db.command({ ping: 1 });
        const ms = Math.round(performance.now() - started);
        const uri = redactUri(config.mongodbUri);
        process.stdout.write(options.json
          ? `${JSON.stringify({ ok: true, uri, database: db.databaseName, ms }, null, 2)}\n`
          : `ok: ${uri} (database ${db.databaseName}) answered a ping in ${ms} ms\n`);
      }),
    );
  const indexes = new Command('db:indexes')
    .description('create every index the service relies on (safe to run again)')
    .option('--json', 'print JSON instead of text')
    .action((options: { json?: boolean }) =>
      withDatabase(async ({ db }) => {
        const names = await ensureIndexes(db);
        process.stdout.write(options.json
          ? `${JSON.stringify({ ok: true, indexes: names }, null, 2)}\n`
          : `ok: ${names.length} indexes in place\n${names.map((n) => `  ${n}`).join('\n')}\n`);
      }),
    );
  return [ping, indexes];
}

