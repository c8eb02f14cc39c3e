import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseEnv } from 'node:util';
import { Command } from 'commander';
import { redactUri } from '../../src/adapters/mongo/connect-mongo.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { localDatabaseUri } from './db-serve.js';

export interface SetupIo {
  env: NodeJS.ProcessEnv;
  /** Asks in a terminal; absent when nobody is there to answer (scripts, CI): flags only. */
  ask?: (question: string) => Promise<string>;
  out(text: string): void;
  err(text: string): void;
  fail(): void;
}

interface SetupOptions {
  orgName?: string;
  timezone?: string;
  mongodbUri?: string;
  port?: string;
  force?: boolean;
  json?: boolean;
}

// .env.example is the one list of variables with their comments; the .env written follows it.
const template = path.resolve(__dirname, '..', '..', '.env.example');
const secretKeys = ['APP_ENCRYPTION_KEY', 'ADMIN_API_TOKEN'] as const;
const flagOf: Record<string, string> = { ORG_NAME: '--org-name', ORG_TIMEZONE: '--timezone', MONGODB_URI: '--mongodb-uri', PORT: '--port' };

/**
 * `setup` (`npm run setup`): writes the .env an organisation's `npm start` and `npm run cli` read,
 * from .env.example, with new secrets, the organisation's name and time zone (asked in a terminal,
 * or given as flags) and its database (MONGODB_URI, or the local one `npm run db:serve` runs).
 * It never overwrites a .env unless --force, and then keeps its secrets: a new
 * APP_ENCRYPTION_KEY would make every stored phone number unreadable.
 */
export function setupCommand(io: SetupIo = processIo()): Command {
  return new Command('setup')
    .description('write .env for your organisation: new secrets, its name and time zone, and its database')
    .option('--org-name <name>', 'the organisation name used in texts (asked for in a terminal)')
    .option('--timezone <zone>', 'its IANA time zone (asked for in a terminal; default Europe/London)')
    .option('--mongodb-uri <uri>', `its MongoDB (default: MONGODB_URI, else the local database of npm run db:serve, ${localDatabaseUri()})`)
    .option('--port <port>', 'the HTTP port npm start listens on (default 3000)')
    .option('--force', 'rewrite an existing .env, keeping its secrets and its other values')
    .option('--json', 'print JSON instead of text (no secrets either way: they are in the file)')
    .action((options: SetupOptions) => setup(io, options));
}

async function setup(io: SetupIo, options: SetupOptions): Promise<void> {
  const refuse = (problems: string[]) => {
    io.err(options.json ? `${JSON.stringify({ error: 'invalid', problems }, null, 2)}\n` : problems.map((problem) => `setup: ${problem}\n`).join(''));
    io.fail();
  };
  if (io.env.PROMPTLY_ENV_FILE === 'none') return refuse(['PROMPTLY_ENV_FILE is none: there is no file to write; unset it, or name the file']);
  const file = path.resolve(io.env.PROMPTLY_ENV_FILE || '.env');
  const previous = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : undefined;
  if (previous && !options.force) {
    return refuse([`${file} already exists, and setup does not overwrite it: it holds the key your stored phone numbers are encrypted with. ` +
      'Edit it, or run setup again with --force to rewrite it keeping its secrets.']);
  }

  const defaultUri = io.env.MONGODB_URI || previous?.MONGODB_URI || localDatabaseUri();
  const answer = async (given: string | undefined, kept: string | undefined, question: string, fallback?: string) => {
    if (given !== undefined) return given;
    if (io.ask) return (await io.ask(question)).trim() || kept || fallback;
    return kept ?? fallback;
  };
  const orgName = await answer(options.orgName, previous?.ORG_NAME, `Organisation name, as service-users will read it${previous?.ORG_NAME ? ` [${previous.ORG_NAME}]` : ''}: `);
  const timezone = await answer(options.timezone, previous?.ORG_TIMEZONE, `Time zone [${previous?.ORG_TIMEZONE ?? 'Europe/London'}]: `, 'Europe/London');
  const mongodbUri = await answer(options.mongodbUri, undefined, `MongoDB URI [${redactUri(defaultUri)}${defaultUri === localDatabaseUri() ? ', the local database of npm run db:serve' : ''}]: `, defaultUri);

  const keptSecrets = secretKeys.every((key) => previous?.[key]);
  const values: Record<string, string> = {
    // The example's URL is not theirs; unset, the server uses http://localhost:PORT until Twilio needs a real one.
    PUBLIC_BASE_URL: '',
    ...previous,
    APP_ENCRYPTION_KEY: previous?.APP_ENCRYPTION_KEY || randomBytes(32).toString('base64'),
    ADMIN_API_TOKEN: previous?.ADMIN_API_TOKEN || randomBytes(24).toString('hex'),
    // Never the example's name: without an answer, the check below says it is required.
    ORG_NAME: orgName ?? '',
    ORG_TIMEZONE: timezone ?? 'Europe/London',
    MONGODB_URI: mongodbUri ?? defaultUri,
    ...(options.port === undefined ? {} : { PORT: options.port }),
  };
  const built = envFileText(readFileSync(template, 'utf8'), values);
  if (!built.ok) return refuse(built.problems);
  const reread = parseEnv(built.text);
  const garbled = Object.keys(values).filter((key) => (reread[key] ?? '') !== values[key]);
  if (garbled.length > 0) return refuse(garbled.map((key) => `${flagOf[key] ?? key}: cannot be written in .env so that it reads back the same`));
  const problems = configProblems(built.text, io.ask === undefined);
  if (problems.length > 0) return refuse(problems);

  // Owner-only: the file holds the encryption key. 'wx' never replaces a file that appeared meanwhile.
  writeFileSync(file, built.text, { mode: 0o600, flag: options.force ? 'w' : 'wx' });
  chmodSync(file, 0o600);
  const summary = {
    file, orgName: values.ORG_NAME, timezone: values.ORG_TIMEZONE, mongodbUri: redactUri(values.MONGODB_URI ?? ''),
    localDatabase: values.MONGODB_URI === localDatabaseUri(), secrets: keptSecrets ? 'kept' : 'new',
  };
  io.out(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${describe(summary)}\n`);
}

/** .env.example with each variable's value replaced where `values` has one; variables it lacks go at the end. */
function envFileText(example: string, values: Record<string, string>): { ok: true; text: string } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const written = new Set<string>();
  const line = (key: string, value: string) => {
    written.add(key);
    const quoted = quote(value);
    if (quoted === undefined) problems.push(`${flagOf[key] ?? key}: cannot be written in .env as it is (it has every kind of quote or a line break)`);
    return `${key}=${quoted ?? ''}`;
  };
  const lines = example.split('\n').map((text) => {
    const match = /^([A-Z][A-Z0-9_]*)=/.exec(text);
    return match?.[1] !== undefined && match[1] in values ? line(match[1], values[match[1]] ?? '') : text;
  });
  const extra = Object.keys(values).filter((key) => !written.has(key));
  if (extra.length > 0) lines.push('# Kept from the previous .env:', ...extra.map((key) => line(key, values[key] ?? '')), '');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, text: lines.join('\n') };
}

/** A value as .env reads it back unchanged: bare when plain, else in a quote it does not contain. */
function quote(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return undefined;
  if (/^[\w.,:/@+=%-]*$/.test(value)) return value;
  // Double quotes read best, but turn a backslash-n into a line break: then single quotes or backticks.
  const mark = ['"', "'", '`'].find((candidate) => !value.includes(candidate) && (candidate !== '"' || !value.includes('\\')));
  return mark === undefined ? undefined : `${mark}${value}${mark}`;
}

/** What the server would refuse in the file, in terms of setup's flags. */
function configProblems(text: string, unattended: boolean): string[] {
  try {
    loadConfig(parseEnv(text));
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => {
      const [key = '', ...rest] = problem.split(': ');
      const flag = flagOf[key];
      if (!flag) return problem;
      const hint = unattended && key === 'ORG_NAME' ? '; setup was not run in a terminal, so nothing was asked' : '';
      return `${flag}: ${rest.join(': ')}${hint}`;
    });
  }
}

function describe(summary: { file: string; orgName?: string; timezone?: string; mongodbUri: string; localDatabase: boolean; secrets: string }): string {
  return [
    `wrote ${summary.file} (readable by you only) for "${summary.orgName}", time zone ${summary.timezone},`,
    summary.secrets === 'kept'
      ? 'keeping the APP_ENCRYPTION_KEY and ADMIN_API_TOKEN it had.'
      : 'with a new APP_ENCRYPTION_KEY and ADMIN_API_TOKEN. Keep a copy somewhere safe: without the key, stored phone numbers cannot be read.',
    summary.localDatabase
      ? `Database: ${summary.mongodbUri}, the local one: start it with \`npm run db:serve\` in another terminal and leave it running.`
      : `Database: ${summary.mongodbUri}.`,
    'Next:',
    '  npm run cli -- db:ping',
    '  npm run cli -- staff add --name "Jo Okafor" --phone "07700 900100" --role manager',
    '  npm run cli -- programme add --name "Wellbeing check" --measure ons4 --followups 6w,12w --default',
    '  npm run build && npm start',
  ].join('\n');
}

function processIo(): SetupIo {
  const ask = async (question: string) => {
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await terminal.question(question);
    } finally {
      terminal.close();
    }
  };
  return {
    env: process.env,
    // Looked at when setup runs, not when the CLI is built: stdin is not touched for other commands.
    get ask() {
      return process.stdin.isTTY ? ask : undefined;
    },
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    fail: () => {
      process.exitCode = 1;
    },
  };
}
