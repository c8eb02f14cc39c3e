import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startService } from '../src/main.js';
import { startDatabase } from './database/start-database.js';

const dataDir = path.resolve('.data');
const lockFile = path.join(dataDir, 'demo.pid');

/**
 * `npm run demo`: promptly on an embedded default. Provides its own database (kept in ./.data),
 * generates local secrets once, starts the server with the simulator channel, and stops
 * everything it started on Ctrl-C.
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
    ORG_NAME: 'Riverside Community Trust (demo)',
    ...demoSecrets(),
    MONGODB_URI: `${database.uri.replace(/\/$/, '')}/promptly-demo`,
  });
  const service = await startService(config, createLogger(config.logLevel)).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  console.log(`\npromptly demo is running: http://localhost:${service.port}/healthz  (Ctrl-C to stop)\n`);

  const stop = async () => {
    console.log('\nstopping the demo...');
    await service.stop(9000).catch(() => {});
    await database.stop();
    rmSync(lockFile, { force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
  console.error(`promptly demo: ${error instanceof Error ? error.message : String(error)}`);
  rmSync(lockFile, { force: true });
  process.exit(1);
});
