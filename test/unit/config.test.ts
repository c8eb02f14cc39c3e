import { ConfigError, loadConfig } from '../../src/config.js';
import { testEnv } from '../support/test-config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('when the environment is empty, then every missing variable is listed in one message', () => {
    let message = '';
    try {
      loadConfig({});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration \(4 problems\):/);
    for (const name of ['MONGODB_URI', 'APP_ENCRYPTION_KEY', 'ADMIN_API_TOKEN', 'ORG_NAME']) {
      expect(message).toContain(`  - ${name}: is required`);
    }
    expect(message).toContain('.env.example');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('when several values are invalid, then each is named with the reason', () => {
    const problems = problemsOf(testEnv({
      MONGODB_URI: 'postgres://localhost/x',
      PORT: 'eighty',
      APP_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
      ORG_TIMEZONE: 'Europe/Atlantis',
      TWILIO_ACCOUNT_SID: 'AC123',
    }));
    expect(problems).toEqual(expect.arrayContaining([
      'MONGODB_URI: must start with mongodb:// or mongodb+srv://',
      expect.stringMatching(/^PORT: /),
      'APP_ENCRYPTION_KEY: must be 32 bytes encoded as base64 (openssl rand -base64 32)',
      'ORG_TIMEZONE: must be an IANA time zone such as Europe/London',
      'TWILIO_ACCOUNT_SID: must be AC followed by 32 hex characters',
    ]));
  });

  it('when Twilio is not configured, then the config has no Twilio channel and defaults apply', () => {
    const config = loadConfig(testEnv({ PORT: undefined, ORG_TIMEZONE: undefined, TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '' }));
    expect(config.twilio).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.org.timezone).toBe('Europe/London');
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(config.encryptionKey).toHaveLength(32);
  });

  it('when only one Twilio credential is set, then the missing one is named', () => {
    expect(problemsOf(testEnv({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` }))).toEqual(expect.arrayContaining([
      'TWILIO_AUTH_TOKEN: is required when the other Twilio credential is set',
    ]));
  });

  it('when Twilio credentials come without a sender or public URL, then both are asked for', () => {
    const problems = problemsOf(testEnv({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret-token' }));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^TWILIO_SMS_FROM: set TWILIO_SMS_FROM, TWILIO_MESSAGING_SERVICE_SID or TWILIO_WHATSAPP_FROM/),
      'PUBLIC_BASE_URL: is required with Twilio: webhook signatures are checked against it',
    ]));
  });

  it('when Twilio is fully configured, then the channel settings are parsed', () => {
    const config = loadConfig(testEnv({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'secret-token',
      TWILIO_SMS_FROM: '+447700900000',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+447700900001',
      TWILIO_API_BASE: 'http://127.0.0.1:4010',
      PUBLIC_BASE_URL: 'https://promptly.example.org/',
    }));
    expect(config.twilio).toEqual(expect.objectContaining({ smsFrom: '+447700900000', whatsappFrom: 'whatsapp:+447700900001', apiBase: 'http://127.0.0.1:4010' }));
    expect(config.publicBaseUrl).toBe('https://promptly.example.org');
  });

  it('when production runs with the public example secrets, then they are refused', () => {
    const problems = problemsOf(testEnv({
      NODE_ENV: 'production',
      APP_ENCRYPTION_KEY: 'REPLACE+WITH+openssl+rand+base64+32+output+=',
      ADMIN_API_TOKEN: 'replace-with-a-long-random-admin-token',
    }));
    expect(problems).toEqual([
      'APP_ENCRYPTION_KEY: is the public example from .env.example; generate your own',
      'ADMIN_API_TOKEN: is the public example from .env.example; generate your own',
    ]);
  });
});

describe('PUBLIC_BASE_URL', () => {
  const twilio = { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret-token', TWILIO_SMS_FROM: '+447700900000' };
  const refusal = 'PUBLIC_BASE_URL: must be https with Twilio or in production (plain http only for localhost, 127.0.0.1, [::1] in local testing)';

  it.each([
    ['Twilio is configured', twilio],
    ['NODE_ENV is production', { NODE_ENV: 'production' }],
  ])('when %s and the URL is plain http, then it is refused', (_case, env) => {
    expect(problemsOf(testEnv({ ...env, PUBLIC_BASE_URL: 'http://promptly.example.org' }))).toEqual([refusal]);
    expect(problemsOf(testEnv({ ...env, PUBLIC_BASE_URL: 'http://203.0.113.7:3000' }))).toEqual([refusal]);
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:4000/', 'http://[::1]:3000', 'http://LOCALHOST'])(
    'when Twilio is configured in production and the URL is the loopback address %s, then plain http is allowed for local testing',
    (url) => {
      expect(loadConfig(testEnv({ ...twilio, NODE_ENV: 'production', PUBLIC_BASE_URL: url })).publicBaseUrl).toBe(url.replace(/\/+$/, ''));
    },
  );

  it('when it is https, then it is accepted with Twilio and in production', () => {
    expect(loadConfig(testEnv({ ...twilio, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://promptly.example.org' })).publicBaseUrl).toBe('https://promptly.example.org');
  });

  it('when neither Twilio nor production applies, then plain http is accepted, and unset it defaults to http://localhost:PORT', () => {
    expect(loadConfig(testEnv({ NODE_ENV: 'development', PUBLIC_BASE_URL: 'http://demo.example.org' })).publicBaseUrl).toBe('http://demo.example.org');
    expect(loadConfig(testEnv({ NODE_ENV: 'production', PORT: '8080' })).publicBaseUrl).toBe('http://localhost:8080');
  });
});

describe('TIME_SCALE', () => {
  it('when TIME_SCALE is set outside production, then the clock speed is taken', () => {
    expect(loadConfig(testEnv({ TIME_SCALE: '5040' })).timeScale).toBe(5040);
    expect(loadConfig(testEnv()).timeScale).toBe(1);
  });

  it('when TIME_SCALE is set with NODE_ENV=production, then it is refused', () => {
    expect(problemsOf(testEnv({ NODE_ENV: 'production', TIME_SCALE: '5040' }))).toEqual([
      'TIME_SCALE: is for demos and acceptance runs only; it is refused when NODE_ENV=production',
    ]);
  });

  it('when MAX_REPLIES_PER_HOUR is unset, then it is 10; when set, it must be a whole number from 1', () => {
    expect(loadConfig(testEnv()).dueLeaseMs).toBe(300_000);
    expect(loadConfig(testEnv({ DUE_LEASE_SECONDS: '20' })).dueLeaseMs).toBe(20_000);
    expect(() => loadConfig(testEnv({ DUE_LEASE_SECONDS: '5' }))).toThrow(/DUE_LEASE_SECONDS/);
    expect(loadConfig(testEnv()).maxRepliesPerHour).toBe(10);
    expect(loadConfig(testEnv({ MAX_REPLIES_PER_HOUR: '25' })).maxRepliesPerHour).toBe(25);
    expect(problemsOf(testEnv({ MAX_REPLIES_PER_HOUR: '0' }))).toEqual(['MAX_REPLIES_PER_HOUR: must be 1 or more']);
    expect(problemsOf(testEnv({ MAX_REPLIES_PER_HOUR: '2.5' }))).toEqual(['MAX_REPLIES_PER_HOUR: must be a whole number']);
  });

  it('when METRICS_TOKEN is unset or empty, then there is none; a short one is refused', () => {
    expect(loadConfig(testEnv()).metricsToken).toBeUndefined();
    expect(loadConfig(testEnv({ METRICS_TOKEN: '' })).metricsToken).toBeUndefined();
    expect(loadConfig(testEnv({ METRICS_TOKEN: 'x'.repeat(24) })).metricsToken).toBe('x'.repeat(24));
    expect(problemsOf(testEnv({ METRICS_TOKEN: 'short' }))).toEqual(['METRICS_TOKEN: must be at least 24 characters (openssl rand -hex 24)']);
  });
});

describe('retention settings', () => {
  it('when they are not set, then message texts are kept 90 days and closed enrolments 24 months', () => {
    expect(loadConfig(testEnv()).retention).toEqual({ messageDays: 90, closedMonths: 24 });
    expect(loadConfig(testEnv({ RETENTION_MESSAGE_DAYS: '30', RETENTION_CLOSED_MONTHS: '72' })).retention).toEqual({ messageDays: 30, closedMonths: 72 });
  });

  it('when they are not whole positive numbers, then each is named with the reason', () => {
    expect(problemsOf(testEnv({ RETENTION_MESSAGE_DAYS: '0', RETENTION_CLOSED_MONTHS: 'two years' }))).toEqual([
      'RETENTION_MESSAGE_DAYS: must be at least 1 day',
      expect.stringMatching(/^RETENTION_CLOSED_MONTHS: /),
    ]);
    expect(problemsOf(testEnv({ RETENTION_MESSAGE_DAYS: '7.5' }))).toEqual(['RETENTION_MESSAGE_DAYS: must be a whole number of days']);
  });
});
