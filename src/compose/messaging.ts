import type { Db } from 'mongodb';
import { PromptlyBot, turnOutcomeKey } from '../adapters/botbuilder/promptly-bot.js';
import { SimulatorAdapter } from '../adapters/botbuilder/simulator-adapter.js';
import { TwilioAdapter } from '../adapters/botbuilder/twilio-adapter.js';
import { createPhoneProtector } from '../adapters/crypto/phone-protector.js';
import { createMongoApiTokens } from '../adapters/mongo/mongo-api-tokens.js';
import { createMongoAuditLog } from '../adapters/mongo/mongo-audit-log.js';
import { createMongoReportSource } from '../adapters/mongo/mongo-report-source.js';
import { createMongoCaseStore } from '../adapters/mongo/mongo-case-store.js';
import { createMongoContactBook } from '../adapters/mongo/mongo-contact-book.js';
import { createMongoProgrammeCatalogue } from '../adapters/mongo/mongo-programme-catalogue.js';
import { createMongoStaffDirectory } from '../adapters/mongo/mongo-staff-directory.js';
import { createMongoMessageLog } from '../adapters/mongo/mongo-message-log.js';
import { createMongoNumberHealth } from '../adapters/mongo/mongo-number-health.js';
import { createMongoTurnLocks } from '../adapters/mongo/mongo-turn-locks.js';
import { SimulatorTransport } from '../adapters/simulator/simulator-transport.js';
import { createTwilioTransport } from '../adapters/twilio/twilio-transport.js';
import type { CaseDeps } from '../app/cases/case-deps.js';
import type { DeliveryDeps } from '../app/channel/deliver-message.js';
import type { InboxDeps } from '../app/channel/drain-inbox.js';
import { handleTurn, type TurnOutcome } from '../app/cases/handle-turn.js';
import { createInbox } from '../app/channel/inbox.js';
import { reportFailedTurn } from '../app/cases/report-failed-turn.js';
import type { Clock } from '../app/ports/clock.js';
import type { JobScheduler } from '../app/ports/job-scheduler.js';
import type { InboundRequest } from '../app/ports/message-log.js';
import type { MessageTransport } from '../app/ports/message-transport.js';
import { receiveInbound, type ReceiveDeps } from '../app/channel/receive-inbound.js';
import { createWebhookIntake } from '../app/channel/webhook-intake.js';
import { createFileSpool } from '../adapters/spool/file-spool.js';
import { recordStatus } from '../app/channel/record-status.js';
import { createMongoOnceLog } from '../adapters/mongo/mongo-once-log.js';
import { sendMessage, sendMessages } from '../app/channel/send-message.js';
import { createDispatcher } from '../app/channel/dispatcher.js';
import { sweepOutbox } from '../app/channel/sweep-outbox.js';
import { archiveMessages } from '../app/channel/archive-messages.js';
import type { Config } from '../config.js';
import type { MeasureCatalogue } from '../domain/measures/load-measures.js';
import type { Logger } from '../logger.js';
import { noMetrics, type Metrics } from '../app/ports/metrics.js';
import { countedTransport } from '../app/channel/counted-transport.js';

export type Messaging = ReturnType<typeof composeMessaging>;

/**
 * The channel layer wired together: stores on MongoDB, the outbox with its transports (Twilio when
 * configured, the simulator always), the botbuilder adapters and the bot. Tests build it the same
 * way, with a fake Twilio behind the real SDK.
 */
export function composeMessaging(input: { config: Config; db: Db; logger: Logger; clock: Clock; measures: MeasureCatalogue; jobs: JobScheduler; twilioTransport?: MessageTransport; inboxRetryDelaysMs?: number[]; dispatchConcurrency?: number; metrics?: Metrics }) {
  const { config, db, logger, clock } = input;
  const metrics = input.metrics ?? noMetrics;
  const phones = createPhoneProtector(config.encryptionKey);
  const messages = createMongoMessageLog(db);
  const contacts = createMongoContactBook(db);
  const numbers = createMongoNumberHealth(db);
  const simulator = new SimulatorTransport(clock);
  // Without Twilio the simulator is the phone network: SMS to staff and service-users (ENROL,
  // digests, invitations) reach the simulator page instead of failing for want of a provider.
  const twilio = countedTransport(input.twilioTransport ?? (config.twilio ? createTwilioTransport(config.twilio) : simulator), metrics);

  const delivery: DeliveryDeps = {
    messages,
    contacts,
    phones,
    transports: { twilio, simulator },
    whatsappTemplates: config.whatsappTemplates,
    statusCallbackUrl: (id) => `${config.publicBaseUrl}/webhooks/twilio/status?m=${encodeURIComponent(id)}`,
    clock,
    logger,
  };

  const twilioAdapter = new TwilioAdapter();
  const simulatorAdapter = new SimulatorAdapter();
  const locks = createMongoTurnLocks(db);
  const cases: CaseDeps = {
    cases: createMongoCaseStore(db),
    staff: createMongoStaffDirectory(db),
    programmes: createMongoProgrammeCatalogue(db),
    contacts,
    phones,
    measures: input.measures,
    audit: createMongoAuditLog(db),
    clock,
    logger,
    org: config.org,
    maxRepliesPerHour: config.maxRepliesPerHour,
    send: (message) => sendMessage(delivery, message),
    sendMany: (batch) => sendMessages(delivery, batch),
    jobs: input.jobs,
    locks,
  };
  // Scheduled work (the due-item sweep) records its texts and leaves the sending to the dispatcher.
  const dispatcher = createDispatcher({
    concurrency: input.dispatchConcurrency ?? 8, maxQueued: 500, onError: (error) => logger.error({ err: error }, 'dispatching a message failed; the outbox sweep will settle it'),
  });
  const scheduledCases: CaseDeps = {
    ...cases,
    send: async (message) => (await sendMessages(delivery, [message], dispatcher))[0] as string,
    sendMany: (batch) => sendMessages(delivery, batch, dispatcher),
  };
  const strangerLimits = createMongoOnceLog(db, 'strangerReplies');
  const bot = new PromptlyBot((message, lock) => handleTurn(cases, message, lock));

  const inboxDeps: InboxDeps = {
    messages,
    locks,
    clock,
    logger,
    async runTurn(message, lock) {
      const adapter = message.channel === 'simulator' ? simulatorAdapter : twilioAdapter;
      const started = performance.now();
      try {
        const outcome = await adapter.processInbound(message, async (context) => {
          await bot.run(context);
          return context.turnState.get(turnOutcomeKey) as TurnOutcome | undefined;
        }, lock);
        metrics.turn('handled', (performance.now() - started) / 1000);
        return outcome ?? {};
      } catch (error) {
        metrics.turn('failed', (performance.now() - started) / 1000);
        throw error;
      }
    },
    onTurnFailed: (message) => reportFailedTurn(cases, message),
    ...(input.inboxRetryDelaysMs ? { retryDelaysMs: input.inboxRetryDelaysMs } : {}),
  };
  const inbox = createInbox(inboxDeps);
  const receiveDeps: ReceiveDeps = {
    messages, contacts, phones, clock,
    strangers: { limits: strangerLimits, transports: delivery.transports, orgName: config.org.name, timezone: config.org.timezone },
  };

  const intake = createWebhookIntake({
    receive: (request) => receiveInbound(receiveDeps, request),
    drain: (phoneHash) => inbox.drain(phoneHash),
    recordStatus: (update) => recordStatus({ ...delivery, numbers }, update),
    spool: createFileSpool({ dir: config.spoolDir, key: config.encryptionKey }),
    clock,
    logger,
  });
  // Left by a process that stopped while the database was away: recorded as soon as it can be.
  void intake.replay();

  return {
    delivery,
    /** What the network said about numbers (the digest's "this number looks wrong"). */
    numbers,
    intake,
    cases,
    /** The same use-case dependencies for scheduled work: texts go through the dispatcher. */
    scheduledCases,
    dispatcher,
    apiTokens: createMongoApiTokens(db),
    reports: createMongoReportSource(db),
    inbox,
    simulator,
    twilioAdapter,
    simulatorAdapter,
    /** Records an inbound message (see receiveInbound); `runTurns` then works through that number's queue. */
    async receive(request: InboundRequest) {
      const { outcome, phoneHash } = await receiveInbound(receiveDeps, request);
      return { outcome, phoneHash, runTurns: () => (outcome === 'stranger' ? Promise.resolve(0) : inbox.drain(phoneHash)) };
    },
    recordStatus: (update: Parameters<typeof recordStatus>[1]) => recordStatus({ ...delivery, numbers }, update),
    sweepOutbox: () => sweepOutbox(delivery),
    archiveMessages: () => archiveMessages({ messages }),
    /** Runs turns left behind by a crash (messages recorded but never processed) or due a retry. */
    sweepInbox: (olderThanMs = 30_000) => inbox.sweep(olderThanMs),
  };
}
