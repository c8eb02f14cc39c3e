import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectMongo } from '../src/adapters/mongo/connect-mongo.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { portInUse, startService } from '../src/main.js';
import { startDatabase } from './database/start-database.js';
import { DemoClock } from './demo/demo-clock.js';
import { demoStaff, seedDemoOrganisation } from './demo/seed-demo-organisation.js';

const dataDir = path.resolve('.data');
const lockFile = path.join(dataDir, 'demo.pid');

/**
 * `npm run demo`: promptly on an embedded default. Provides its own database (kept in ./.data),
 * generates local secrets once, seeds a demo organisation once, starts the server with the
 * simulator channel on an accelerated clock (TIME_SCALE 5040: a week in two minutes) that a
 * restart remembers, and stops everything it started on Ctrl-C.
 */
async function demo(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  refuseSecondDemo();
  writeFileSync(lockFile, String(process.pid));

  const database = await startDatabase({ dataDir, log: (line) => console.log(line) });
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    PORT: process.env.PORT ?? '3000',
    ORG_NAME: 'Riverside Community Trust',
    TIME_SCALE: process.env.TIME_SCALE ?? '5040',
    ...demoSecrets(),
    MONGODB_URI: demoDatabaseUri(database.uri),
  });
  // Its own connection: the clock must be read before the service starts, and saved after it stops.
  const settings = await connectMongo(config.mongodbUri).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  const clock = await DemoClock.restore(settings.db, config.timeScale);
  // Polling and sweeping often keeps jobs close to their time: at 5040x, each real second is 84 minutes.
  // The simulator lets whoever reaches the port act as anyone, so it listens on this machine only.
  const options = { clock, scheduler: { processEveryMs: 250 }, sweepEveryMs: 3000, simulator: true, listenHost: '127.0.0.1' };
  const service = await startService(config, createLogger(config.logLevel), options).catch(async (error: unknown) => {
    await settings.client.close();
    await database.stop();
    throw error;
  });
  const stopSaving = clock.keepSaving();
  const { staff, phones, audit, programmes, measures } = service.messaging.cases;
  const seeded = await seedDemoOrganisation(settings.db, { staff, phones, audit, programmes, measures, clock });
  printWelcome(service.port, config.timeScale, seeded);

  const stop = async () => {
    console.log('\nstopping the demo...');
    stopSaving();
    await service.stop(9000).catch(() => {});
    await clock.save();
    await settings.client.close().catch(() => {});
    await database.stop();
    rmSync(lockFile, { force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The demo's own database, promptly-demo, unless MONGODB_URI names one (mongodb://host/name). */
function demoDatabaseUri(uri: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)(\?.*)?$/.exec(uri);
  if (!match) return uri;
  const [, server, name, query = ''] = match;
  return `${server}/${name || 'promptly-demo'}${query}`;
}

function printWelcome(port: number, scale: number, seeded: 'seeded' | 'already-seeded'): void {
  const [alex] = demoStaff;
  console.log([
    '',
    `promptly demo is running: open http://127.0.0.1:${port}/simulator  (Ctrl-C to stop; this machine only)`,
    '',
    `  ${seeded === 'seeded' ? 'Seeded' : 'Welcome back to'} the demo organisation: ${demoStaff.map((s) => `${s.name} (${s.role}, ${s.phone})`).join(', ')};`,
    '  programme "Wellbeing check": ONS4 at baseline and a follow-up at 6 weeks.',
    `  The clock runs ${scale} times faster than real time${scale === 5040 ? ' (a week in two minutes)' : ''}; the page can skip ahead.`,
    `  Try: as ${alex.name}, text "ENROL 07700 900123"; answer as the new phone; then skip ahead a week.`,
    '',
  ].join('\n'));
}

function refuseSecondDemo(): void {
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale lock from a demo that was killed
  }
  console.error(`A promptly demo is already running (process ${pid}). Stop it with Ctrl-C in its terminal, or: kill ${pid}`);
  process.exit(1);
}

/** Secrets for this machine's demo only, generated once so a restarted demo can read its own data. */
function demoSecrets(): Record<string, string> {
  const file = path.join(dataDir, 'demo-secrets.json');
  if (!existsSync(file)) {
    const secrets = { APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), ADMIN_API_TOKEN: randomBytes(24).toString('hex') };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

demo().catch((error: unknown) => {
  if (portInUse(error)) {
    const port = Number(process.env.PORT ?? 3000);
    console.error(`promptly demo: port ${port} is already in use by another program; stop it, or choose another port, e.g. PORT=${port < 65535 ? port + 1 : 3001} npm run demo`);
  } else {
    console.error(`promptly demo: ${error instanceof Error ? error.message : String(error)}`);
  }
  rmSync(lockFile, { force: true });
  process.exit(1);
});
