import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';

/** A valid environment for tests: random secrets, an ephemeral port, quiet logs. */
export function testEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/promptly',
    PORT: '0',
    APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ADMIN_API_TOKEN: randomBytes(24).toString('hex'),
    ORG_NAME: 'Test Community Trust',
    ORG_TIMEZONE: 'Europe/London',
    // Each service its own spool, so no test replays another's webhooks.
    SPOOL_DIR: mkdtempSync(path.join(os.tmpdir(), 'promptly-spool-')),
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig(testEnv(overrides));
}

/** Quick polling and short locks, so jobs run promptly and Agenda's liveness timers end with the test. */
export const testSchedulerOptions = { processEveryMs: 200, lockLifetimeMs: 2000 };
