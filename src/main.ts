import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import os from 'node:os';
import { createScheduler, type SchedulerHandle, type SchedulerOptions } from './adapters/agenda/create-scheduler.js';
import { createAgendaJobScheduler } from './adapters/agenda/agenda-job-scheduler.js';
import { defineCaseJobs } from './adapters/agenda/define-case-jobs.js';
import { defineChannelJobs } from './adapters/agenda/define-channel-jobs.js';
import { defineAuditJobs } from './adapters/agenda/define-audit-jobs.js';
import { migrateAuditLog } from './adapters/mongo/migrate-audit-log.js';
import { createMongoAuditTrail } from './adapters/mongo/mongo-audit-trail.js';
import { defineRetentionJob } from './adapters/agenda/define-retention-job.js';
import { createMongoPrivacyStore } from './adapters/mongo/mongo-privacy-store.js';
import { runRetention } from './app/privacy/run-retention.js';
import { caseJobHandlers } from './app/scheduling/case-job-handlers.js';
import { createDueSweeper, type DueSweeper } from './app/scheduling/due-sweeper.js';
import { createDueWorkScheduler } from './app/scheduling/due-work-scheduler.js';
import { dueKinds, type DueKind } from './app/ports/due-work.js';
import { createMongoDueWork } from './adapters/mongo/mongo-due-work.js';
import { migrateAgendaJobs } from './adapters/mongo/migrate-agenda-jobs.js';
import { scheduleRecurringJobs } from './adapters/agenda/schedule-recurring-jobs.js';
import { ScaledClock } from './adapters/clock/scaled-clock.js';
import { systemClock } from './adapters/clock/system-clock.js';
import type { Clock } from './app/ports/clock.js';
import type { JobScheduler } from './app/ports/job-scheduler.js';
import { composeMessaging, type Messaging } from './compose/messaging.js';
import { connectMongo, redactUri, type MongoConnection } from './adapters/mongo/connect-mongo.js';
import { ensureIndexes } from './adapters/mongo/ensure-indexes.js';
import { migrateContactRecords } from './adapters/mongo/migrate-contact-records.js';
import { createMongoDigestLog } from './adapters/mongo/mongo-digest-log.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { createExportPseudonyms } from './adapters/crypto/export-pseudonyms.js';
import { createApp } from './http/create-app.js';
import { deriveSubkey } from './adapters/crypto/sealer.js';
import { createMongoCaseloadSource } from './adapters/mongo/mongo-caseload-source.js';
import { createMongoSessions } from './adapters/mongo/mongo-sessions.js';
import { createMongoSignInCodes } from './adapters/mongo/mongo-sign-in-codes.js';
import { createMongoStaffCredentials } from './adapters/mongo/mongo-staff-credentials.js';
import type { SignInDeps } from './app/sign-in/sign-in-deps.js';
import { simulatorAllowed } from './http/simulator-allowed.js';
import { createSimulatorBackend, type SimulatorBackend } from './adapters/simulator/simulator-backend.js';
import { createLogger, type Logger } from './logger.js';
import { LogPipe } from './log-pipe.js';
import { loadMeasures } from './domain/measures/load-measures.js';
import { createPrometheusMetrics } from './adapters/prometheus/prometheus-metrics.js';
import { createMongoOperationsGauges } from './adapters/mongo/mongo-operations-gauges.js';
import { noMetrics } from './app/ports/metrics.js';

export interface RunningService {
  port: number;
  /** The address the listener is bound to ('::' or '0.0.0.0' for all interfaces). */
  address: string;
  mongo: MongoConnection;
  scheduler: SchedulerHandle;
  /** This process's sweep of due items (follow-ups, reminders, lapses, consent chases, escalations). */
  sweeper: DueSweeper;
  messaging: Messaging;
  jobs: JobScheduler;
  /** The service's clock (a ScaledClock under TIME_SCALE: the demo skips it ahead). */
  clock: Clock;
  /** The phone simulator behind /simulator, when it was asked for (options.simulator: the demo). */
  simulator?: SimulatorBackend;
  /** Stops accepting requests, drains running jobs, closes the database; bounded by timeoutMs. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartOptions {
  scheduler?: SchedulerOptions;
  clock?: Clock;
  sweepEveryMs?: number | null;
  /**
   * Serve the phone simulator page and its API (the demo, and the tests of them). They let anyone
   * who reaches the port type as any phone, staff included, and move the clock, so they are never
   * inferred from Twilio being absent, and are refused beside Twilio or in production.
   */
  simulator?: boolean;
  /** The address to listen on; default all interfaces, or only 127.0.0.1 when the simulator is on. */
  listenHost?: string;
  /** Waits between tries of a failing turn (default about three minutes in all; tests shorten them). */
  inboxRetryDelaysMs?: number[];
  /**
   * Have `mongo.client` emit the driver's command-monitoring events (`commandStarted`...), so the
   * round-trip benchmark and test can count the commands an operation costs. Off in production.
   */
  monitorCommands?: boolean;
  /** Due items claimed per sweep batch (default 100) and worked at once (default 8). */
  dueBatchSize?: number;
  dueConcurrency?: number;
}

/** Composition root: config -> Mongo -> indexes -> scheduler -> HTTP. */
export async function startService(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningService> {
  if (options.simulator && !simulatorAllowed(config)) {
    throw new Error('The phone simulator is for the demo only: it is refused when Twilio is configured or NODE_ENV is production');
  }
  if (!config.twilio && options.simulator) logger.info('Twilio is not configured: running with the in-process simulator channel only');
  else if (!config.twilio) logger.warn('Twilio is not configured and the simulator is off: no text messages can be sent or received');
  // With metrics on, the driver's command events are wanted for its failures (commandFailed).
  const mongo = await connectMongo(config.mongodbUri, undefined, { monitorCommands: options.monitorCommands || config.metricsToken !== undefined });
  logger.info({ database: mongo.db.databaseName, uri: redactUri(config.mongodbUri) }, 'connected to MongoDB');
  const unchained = await migrateAuditLog(mongo.db);
  if (unchained?.copied) logger.info(unchained, 'audit entries from before the chain queued for sealing (once)');
  await ensureIndexes(mongo.db);
  if ((await migrateContactRecords(mongo.db)).migrated) logger.info('moved conversations onto their numbers\' records (once)');
  const converted = await migrateAgendaJobs(mongo.db);
  if (converted) logger.info(converted, 'per-subject Agenda jobs converted into due items (once)');

  const clock = options.clock ?? (config.timeScale === 1 ? systemClock : new ScaledClock(config.timeScale));
  if (clock instanceof ScaledClock) {
    logger.warn({ timeScale: clock.scale }, `TIME_SCALE is on: the service's clock runs ${clock.scale} times faster than real time (demos and acceptance runs only)`);
  }
  const measures = loadMeasures(config.measuresDir ? [config.measuresDir] : []);
  const prometheus = config.metricsToken ? createPrometheusMetrics({ gauges: createMongoOperationsGauges(mongo.db), clock, logger }) : undefined;
  const metrics = prometheus ?? noMetrics;
  if (prometheus) {
    mongo.client.on('commandFailed', () => metrics.databaseError('command'));
    mongo.client.on('serverHeartbeatFailed', () => metrics.databaseError('heartbeat'));
  }
  const scheduler = createScheduler(mongo.db, logger, options.scheduler);
  const due = createMongoDueWork(mongo.db);
  // The sweep needs the handlers, which need the scheduler: it is filled in below.
  const wakeSweep = { wake: () => {} };
  const jobs = createDueWorkScheduler({
    due, recurring: createAgendaJobScheduler(scheduler.agenda, mongo.db, clock), clock, timezone: config.org.timezone, wake: () => wakeSweep.wake(),
  });
  const messaging = composeMessaging({ config, db: mongo.db, logger, clock, measures, jobs, inboxRetryDelaysMs: options.inboxRetryDelaysMs, metrics });
  await defineChannelJobs(scheduler, messaging, logger, options.sweepEveryMs);
  const auditTrail = createMongoAuditTrail(mongo.db);
  await defineAuditJobs(scheduler, auditTrail.seal, logger, options.sweepEveryMs === null ? null : 10_000);
  const handlers = caseJobHandlers({
    ...messaging.scheduledCases, reports: messaging.reports, digests: createMongoDigestLog(mongo.db), numbers: messaging.numbers, publicBaseUrl: config.publicBaseUrl,
  });
  defineCaseJobs(scheduler, { 'digest:daily': handlers['digest:daily'], 'summary:weekly': handlers['summary:weekly'] }, clock, logger);
  const sweeper = createDueSweeper({
    due,
    handlers: Object.fromEntries(dueKinds.map((kind) => [kind, handlers[kind]])) as Record<DueKind, (typeof handlers)[DueKind]>,
    clock,
    logger,
    timezone: config.org.timezone,
    owner: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: options.scheduler?.lockLifetimeMs ?? config.dueLeaseMs,
    batchSize: options.dueBatchSize ?? 100,
    concurrency: options.dueConcurrency ?? 8,
    everyMs: options.scheduler?.processEveryMs ?? 1000,
    onError: (error) => logger.error({ err: error }, 'due-work sweep failed'),
  });
  wakeSweep.wake = () => sweeper.wake();
  await scheduleRecurringJobs(scheduler, jobs, clock, config.org.timezone);
  const simulator = options.simulator
    ? createSimulatorBackend({
        db: mongo.db, transport: messaging.simulator, receive: (request) => messaging.intake.inbound(request), sweepOutbox: messaging.sweepOutbox,
        staff: messaging.cases.staff, cases: messaging.cases.cases, phones: messaging.cases.phones, jobs, clock, timezone: config.org.timezone, logger,
      })
    : undefined;
  const credentials = createMongoStaffCredentials(mongo.db);
  const signIn: SignInDeps = {
    staff: messaging.cases.staff, codes: createMongoSignInCodes(mongo.db), sessions: createMongoSessions(mongo.db), phones: messaging.cases.phones,
    // Codes and sessions expire in real minutes: under the demo's TIME_SCALE a 10-minute code would
    // be gone a tenth of a second after it was texted (at scale 1, a test's own clock drives them).
    audit: messaging.cases.audit, clock: config.timeScale === 1 ? clock : systemClock, send: messaging.cases.send, orgName: config.org.name,
    // One HKDF subkey of APP_ENCRYPTION_KEY per purpose: codes and session ids, CSRF tokens.
    hashKey: deriveSubkey(config.encryptionKey, 'promptly sign-in v1'),
  };
  const privacy = {
    cases: messaging.cases.cases, privacy: createMongoPrivacyStore(mongo.db), phones: messaging.cases.phones, programmes: messaging.cases.programmes,
    staff: messaging.cases.staff, audit: messaging.cases.audit, locks: messaging.cases.locks, clock, logger, measures,
  };
  await defineRetentionJob(scheduler, () => runRetention(privacy, config.retention), logger, config.org.timezone, options.sweepEveryMs !== null);
  const reportDeps = { source: messaging.reports, staff: messaging.cases.staff, org: config.org };
  const commissioning = { source: messaging.reports, clock, org: config.org, programmes: messaging.cases.programmes, measures, audit: messaging.cases.audit };
  const app = createApp({
    logger,
    web: {
      signIn,
      secure: config.publicBaseUrl.startsWith('https:'),
      csrfSecret: deriveSubkey(config.encryptionKey, 'promptly csrf v1').toString('base64url'),
      pages: {
        cases: messaging.cases,
        caseload: { caseload: createMongoCaseloadSource(mongo.db), cases: messaging.cases.cases, programmes: messaging.cases.programmes, staff: messaging.cases.staff, phones: messaging.cases.phones },
        reports: reportDeps,
        reassign: messaging.cases,
        outcomes: commissioning,
      },
    },
    simulator: simulator && { backend: simulator, orgName: config.org.name },
    twilio: config.twilio
      ? { authToken: config.twilio.authToken, publicBaseUrl: config.publicBaseUrl, logger, intake: messaging.intake, rejected: (reason) => metrics.webhookRejected(reason) }
      : undefined,
    admin: {
      adminToken: config.adminApiToken, staff: messaging.cases.staff, programmes: messaging.cases.programmes,
      audit: messaging.cases.audit, phones: messaging.cases.phones, measures, clock, cases: messaging.cases.cases, send: messaging.cases.send,
      contacts: messaging.cases.contacts, locks: messaging.cases.locks, orgName: config.org.name, credentials,
    },
    privacy: { ...privacy, adminToken: config.adminApiToken, tokens: messaging.apiTokens, org: config.org },
    cases: { ...messaging.cases, adminToken: config.adminApiToken, tokens: messaging.apiTokens },
    reports: { adminToken: config.adminApiToken, tokens: messaging.apiTokens, staff: messaging.cases.staff, audit: messaging.cases.audit, source: messaging.reports, clock, org: config.org },
    commissioning: { ...commissioning, adminToken: config.adminApiToken, tokens: messaging.apiTokens, staff: messaging.cases.staff, pseudonyms: createExportPseudonyms(config.encryptionKey) },
    audit: { adminToken: config.adminApiToken, tokens: messaging.apiTokens, staff: messaging.cases.staff, trail: auditTrail, audit: messaging.cases.audit, clock },
    ...(prometheus && config.metricsToken ? { metrics: { token: config.metricsToken, scrape: () => prometheus.scrape() } } : {}),
    readiness: {
      database: () => pingWithin(mongo, 2000),
      scheduler: () => scheduler.problem(),
    },
  });
  const host = options.listenHost ?? (simulator ? '127.0.0.1' : undefined);
  // The port before the scheduler: when it is taken (see portInUse), nothing has started yet that
  // would fail on the closed database and bury that one fact under stack traces.
  const server = await listen(app, config.port, host).catch(async (error: unknown) => {
    simulator?.close();
    messaging.inbox.close();
    messaging.intake.close();
    await mongo.client.close();
    throw error;
  });
  const { port, address } = server.address() as { port: number; address: string };
  // The clock may read differently from when the jobs were saved (a restarted demo under TIME_SCALE).
  if (clock !== systemClock) await jobs.realign();
  await scheduler.start();
  sweeper.start();
  // What a stopped process left behind, at once rather than at the first periodic sweep: turns it
  // had not finished (any age: a turn another process is running holds its number's lock) and
  // messages it had not sent. Tests that drive the sweeps themselves turn this off with the sweeps.
  if (options.sweepEveryMs !== null) {
    void Promise.all([messaging.sweepInbox(0), messaging.sweepOutbox()]).catch((error: unknown) => logger.error({ err: error }, 'start-up sweep failed'));
  }
  logger.info({ port, address }, 'promptly is listening');

  let stopping: Promise<void> | undefined;
  return {
    port,
    address,
    mongo,
    scheduler,
    sweeper,
    messaging,
    jobs,
    clock,
    simulator,
    stop: (timeoutMs = 9000) => (stopping ??= shutdown({ server, scheduler, sweeper, dispatcher: messaging.dispatcher, mongo, logger, inbox: messaging.inbox, intake: messaging.intake, simulator }, timeoutMs)),
  };
}

/**
 * Stops taking requests, lets running turns and jobs finish (both at once, within the budget),
 * then closes the database. A turn or job still running when the budget is spent is cut off; its
 * message stays received and its job locked, so the next start finishes it exactly once.
 */
async function shutdown(
  parts: { server: Server; scheduler: SchedulerHandle; sweeper: DueSweeper; dispatcher: Messaging['dispatcher']; mongo: MongoConnection; logger: Logger; inbox: Messaging['inbox']; intake: Messaging['intake']; simulator?: SimulatorBackend },
  timeoutMs: number,
) {
  const { server, scheduler, sweeper, dispatcher, mongo, logger, inbox, intake, simulator } = parts;
  const deadline = Date.now() + timeoutMs;
  logger.info('shutting down: no new requests, draining jobs');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // The simulator page's event streams never go idle: end them so the server can close.
  simulator?.close();
  server.closeIdleConnections();
  inbox.close();
  intake.close();
  const budget = Math.max(0, deadline - Date.now() - 1000);
  // Webhooks already answered may still be starting their turns: let requests finish first.
  await settleWithin(closed, Math.min(budget, 2000));
  const left = () => Math.max(0, deadline - Date.now() - 1000);
  const [drained, idle, swept] = await Promise.all([scheduler.drain(left()), inbox.idle(left()), sweeper.drain(left())]);
  if (swept.timedOut) logger.warn('a due-work batch was still running at shutdown; its claims will expire and the next sweep finishes it');
  if (!(await dispatcher.idle(left()))) logger.warn('texts still queued at shutdown; they stay recorded and the outbox sweep sends them');
  if (drained.timedOut) logger.warn({ running: drained.running }, 'jobs still running at shutdown; their locks will expire and they will be retried');
  if (!idle) logger.warn('turns still running at shutdown; their messages stay received and the next start finishes them');
  // Requests still in flight get what is left of the budget, then their connections are cut.
  await settleWithin(closed, Math.max(0, deadline - Date.now() - 500));
  server.closeAllConnections();
  await mongo.client.close();
  logger.info('shutdown complete');
}

/** True when the error is the HTTP port being taken by another process (EADDRINUSE). */
export function portInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

async function pingWithin(mongo: MongoConnection, ms: number): Promise<string | null> {
  const ping = mongo.db.command({ ping: 1 }).then(() => null, (error: Error) => `database ping failed: ${error.message}`);
  return settleWithin(ping, ms, `database did not answer a ping within ${ms} ms`);
}

/** The promise's value, or `fallback` once ms have passed; the timer never outlives the answer. */
async function settleWithin<T, F = undefined>(promise: Promise<T>, ms: number, fallback?: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback as F), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve(server));
    const server = host === undefined ? app.listen(port, done) : app.listen(port, host, done);
  });
}

/**
 * Process entry: readable errors and exit 1 instead of stack traces; SIGTERM/SIGINT drain within
 * 10 s. Every exit gives the last log lines a bounded moment (the pipe may be closed or stalled:
 * then they are dropped, and the process exits all the same).
 */
async function main(): Promise<void> {
  const logPipe = new LogPipe(1);
  const exit = (code: number) => {
    // Should nothing else keep the event loop going meanwhile, the process still ends with this code.
    process.exitCode = code;
    void logPipe.drained(lastLinesMs).finally(() => process.exit(code));
  };
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`promptly: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel, logPipe);
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled rejection');
    exit(1);
  });

  let service: RunningService;
  try {
    service = await startService(config, logger);
  } catch (error) {
    if (portInUse(error)) {
      process.stderr.write(`promptly: port ${config.port} is already in use by another program; stop it, or choose another port, e.g. PORT=${config.port < 65535 ? config.port + 1 : 3001} npm start\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
    process.stderr.write(`promptly: ${error instanceof Error ? error.message : String(error)}\n`);
    exit(1);
    return;
  }
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'signal received');
    // The forced exit leaves room for the last lines within the 10 s promised.
    const hardStop = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting anyway');
      exit(1);
    }, 10_000 - lastLinesMs);
    hardStop.unref();
    service.stop(9000 - lastLinesMs).then(() => exit(0), (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** How long the last log lines may take to reach the pipe before the process exits anyway. */
const lastLinesMs = 500;

if (require.main === module) void main();
