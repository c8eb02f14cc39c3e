import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/** The validated environment: the external contract of DESIGN.md, plus operational knobs. */
export type Config = z.output<typeof envSchema>;

/** Thrown with every problem at once, so an operator fixes the environment in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((p) => `  - ${p}`).join('\n') + '\nSee .env.example for every variable with an example value.');
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty assignment in .env (`TWILIO_ACCOUNT_SID=`) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  return result.data;
}

/**
 * Reads KEY=value lines from a .env file into `env` without overriding what is already set. The
 * file is the one PROMPTLY_ENV_FILE names (it must exist; `none` reads no file), else `.env` in
 * the working directory when there is one. Whoever starts a process (a test, a deployment) can
 * so decide exactly what it reads, whatever lies around in its working directory.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv = process.env): void {
  const named = env.PROMPTLY_ENV_FILE;
  if (named === 'none') return;
  const file = named || '.env';
  if (!existsSync(file)) {
    if (!named) return;
    throw new ConfigError([`PROMPTLY_ENV_FILE: there is no file ${file} (name an existing file, or none to read no file)`]);
  }
  for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[key] === undefined) env[key] = value;
  }
}

const exampleEncryptionKey = 'REPLACE+WITH+openssl+rand+base64+32+output+=';
const exampleAdminToken = 'replace-with-a-long-random-admin-token';
const e164 = /^\+[1-9]\d{6,14}$/;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MONGODB_URI: z
      .string({ error: 'is required (a MongoDB connection string, e.g. mongodb://127.0.0.1:27017/promptly)' })
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://promptly.example.org' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex characters').optional(),
    TWILIO_AUTH_TOKEN: z.string().min(8, 'looks too short for a Twilio auth token').optional(),
    TWILIO_SMS_FROM: z.string().regex(e164, 'must be an E.164 number such as +447700900000').optional(),
    TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hex characters').optional(),
    TWILIO_WHATSAPP_FROM: z.string().regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must look like whatsapp:+447700900000').optional(),
    TWILIO_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    APP_ENCRYPTION_KEY: z
      .string({ error: 'is required (32 random bytes, base64: openssl rand -base64 32)' })
      .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, {
        message: 'must be 32 bytes encoded as base64 (openssl rand -base64 32)',
      })
      .transform((value) => Buffer.from(value, 'base64')),
    ADMIN_API_TOKEN: z
      .string({ error: 'is required (a long random secret for the admin API)' })
      .min(24, 'must be at least 24 characters (openssl rand -hex 24)'),
    ORG_NAME: z.string({ error: 'is required (the organisation name used in messages)' }).trim().min(1).max(60),
    ORG_TIMEZONE: z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/London' })
      .default('Europe/London'),
    TWILIO_WHATSAPP_TEMPLATE_INVITATION: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX followed by 32 hex characters)').optional(),
    TWILIO_WHATSAPP_TEMPLATE_REMINDER: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX followed by 32 hex characters)').optional(),
    MEASURES_DIR: z.string().optional(),
    SPOOL_DIR: z.string().min(1).default('.data/spool'),
    TIME_SCALE: z.coerce.number().min(1, 'must be 1 or more (1 = real time)').max(1_000_000).default(1),
    RETENTION_MESSAGE_DAYS: z.coerce.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days (10 years)').default(90),
    RETENTION_CLOSED_MONTHS: z.coerce.number().int('must be a whole number of months').min(1, 'must be at least 1 month').max(240, 'must be at most 240 months (20 years)').default(24),
    DUE_LEASE_SECONDS: z.coerce.number({ error: 'must be a whole number of seconds' }).int('must be a whole number of seconds').min(10, 'must be at least 10 seconds').max(3600, 'must be at most 3600 seconds').default(300),
    MAX_REPLIES_PER_HOUR: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').max(1000).default(10),
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters (openssl rand -hex 24)').optional(),
    SIGNPOSTING_TEXT: z.string().trim().min(20, 'is too short to be useful crisis signposting').max(320, 'must fit in two text messages (320 characters)').optional(),
  })
  .superRefine((env, ctx) => {
    const twilioKeys = ['TWILIO_SMS_FROM', 'TWILIO_MESSAGING_SERVICE_SID', 'TWILIO_WHATSAPP_FROM', 'TWILIO_API_BASE'] as const;
    const hasCredentials = Boolean(env.TWILIO_ACCOUNT_SID || env.TWILIO_AUTH_TOKEN);
    if (Boolean(env.TWILIO_ACCOUNT_SID) !== Boolean(env.TWILIO_AUTH_TOKEN)) {
      const missing = env.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when the other Twilio credential is set' });
    }
    if (hasCredentials && !env.TWILIO_SMS_FROM && !env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_WHATSAPP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['TWILIO_SMS_FROM'], message: 'set TWILIO_SMS_FROM, TWILIO_MESSAGING_SERVICE_SID or TWILIO_WHATSAPP_FROM to send with Twilio' });
    }
    if (hasCredentials && !env.PUBLIC_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required with Twilio: webhook signatures are checked against it' });
    }
    // Over plain http, webhooks (message bodies, phone numbers) and the links we text out travel
    // readable and alterable. Loopback is exempt: local testing and the fake Twilio never leave the machine.
    if (env.PUBLIC_BASE_URL && (env.NODE_ENV === 'production' || hasCredentials) && !isHttpsOrLoopback(env.PUBLIC_BASE_URL)) {
      ctx.addIssue({
        code: 'custom', path: ['PUBLIC_BASE_URL'],
        message: `must be https with Twilio or in production (plain http only for ${loopbackHosts.join(', ')} in local testing)`,
      });
    }
    // The example values in .env.example are public: fine for a laptop, never for real data.
    if (env.NODE_ENV === 'production') {
      if (env.APP_ENCRYPTION_KEY.equals(Buffer.from(exampleEncryptionKey, 'base64'))) {
        ctx.addIssue({ code: 'custom', path: ['APP_ENCRYPTION_KEY'], message: 'is the public example from .env.example; generate your own' });
      }
      if (env.ADMIN_API_TOKEN === exampleAdminToken) {
        ctx.addIssue({ code: 'custom', path: ['ADMIN_API_TOKEN'], message: 'is the public example from .env.example; generate your own' });
      }
    }
    if (env.NODE_ENV === 'production' && env.TIME_SCALE !== 1) {
      ctx.addIssue({ code: 'custom', path: ['TIME_SCALE'], message: 'is for demos and acceptance runs only; it is refused when NODE_ENV=production' });
    }
    if (!hasCredentials) {
      for (const key of twilioKeys) {
        if (env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'has no effect without TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN' });
      }
    }
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    mongodbUri: env.MONGODB_URI,
    port: env.PORT,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
    twilio: env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          smsFrom: env.TWILIO_SMS_FROM,
          messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
          whatsappFrom: env.TWILIO_WHATSAPP_FROM,
          apiBase: env.TWILIO_API_BASE,
        }
      : null,
    encryptionKey: env.APP_ENCRYPTION_KEY,
    adminApiToken: env.ADMIN_API_TOKEN,
    org: { name: env.ORG_NAME, timezone: env.ORG_TIMEZONE, signposting: env.SIGNPOSTING_TEXT },
    whatsappTemplates: {
      ...(env.TWILIO_WHATSAPP_TEMPLATE_INVITATION ? { invitation: env.TWILIO_WHATSAPP_TEMPLATE_INVITATION } : {}),
      ...(env.TWILIO_WHATSAPP_TEMPLATE_REMINDER ? { reminder: env.TWILIO_WHATSAPP_TEMPLATE_REMINDER } : {}),
    },
    measuresDir: env.MEASURES_DIR,
    spoolDir: env.SPOOL_DIR,
    timeScale: env.TIME_SCALE,
    retention: { messageDays: env.RETENTION_MESSAGE_DAYS, closedMonths: env.RETENTION_CLOSED_MONTHS },
    dueLeaseMs: env.DUE_LEASE_SECONDS * 1000,
    maxRepliesPerHour: env.MAX_REPLIES_PER_HOUR,
    metricsToken: env.METRICS_TOKEN,
  }));

const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'];

function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || loopbackHosts.includes(hostname.toLowerCase());
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
