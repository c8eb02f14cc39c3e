import type { Logger } from '../../logger.js';
import type { Clock } from '../ports/clock.js';
import type { InboundRequest, StatusUpdate } from '../ports/message-log.js';
import type { SpooledWebhook, WebhookSpool } from '../ports/webhook-spool.js';

export interface WebhookIntakeDeps {
  receive(request: InboundRequest): Promise<{ outcome: 'inserted' | 'duplicate' | 'stranger'; phoneHash: string }>;
  /** Runs the turns waiting for a number. */
  drain(phoneHash: string): Promise<unknown>;
  recordStatus(update: StatusUpdate): Promise<unknown>;
  spool: WebhookSpool;
  clock: Clock;
  logger: Logger;
  /** How long a webhook waits for the database before its content goes to the spool instead. */
  deadlineMs?: number;
  /** How often the spool is tried again while it holds anything. */
  replayEveryMs?: number;
}

export interface WebhookIntake {
  /** 'recorded' in the database, or 'spooled' to disk; either way the provider may be answered 200. */
  inbound(request: InboundRequest): Promise<'recorded' | 'spooled'>;
  status(update: StatusUpdate): Promise<'recorded' | 'spooled'>;
  /** Records what the spool holds, in arrival order, then runs the turns; false if the database is still away. */
  replay(): Promise<boolean>;
  close(): void;
}

/**
 * Twilio does not retry an inbound webhook, so whatever the database does, what arrives is kept and
 * Twilio is answered within a bounded time: the webhook is recorded if the database answers within
 * the deadline, and spooled to local disk otherwise (the database down, hung, or failing). The
 * spool is replayed every few seconds until it is empty. While it holds anything, new webhooks join
 * it rather than overtake it, so a person's answers are recorded in the order they were sent.
 * Recording is idempotent (the MessageSid is the id), so a webhook recorded late and also spooled
 * is one message.
 */
export function createWebhookIntake(deps: WebhookIntakeDeps): WebhookIntake {
  const deadlineMs = deps.deadlineMs ?? 3000;
  let replaying: Promise<boolean> | undefined;
  let closed = false;

  const spool = async (entry: SpooledWebhook, why: unknown) => {
    await deps.spool.append(entry);
    deps.logger.warn({ kind: entry.kind, reason: why instanceof Error ? why.message : String(why) }, 'the database did not take a webhook in time: kept in the local spool');
  };

  const record = async (entry: SpooledWebhook): Promise<string | null> => {
    if (entry.kind === 'status') {
      await deps.recordStatus(entry.update);
      return null;
    }
    const { outcome, phoneHash } = await deps.receive({ ...entry.request, receivedAt: new Date(entry.at) });
    // A duplicate was recorded by an earlier attempt, whose turn may have failed with the database:
    // its number is drained too (a drain with nothing waiting costs a lock and a look).
    return outcome === 'stranger' ? null : phoneHash;
  };

  const replay = (): Promise<boolean> => {
    replaying ??= (async () => {
      const numbers = new Set<string>();
      try {
        const { replayed } = await deps.spool.replay(async (entry) => {
          const phoneHash = await record(entry);
          if (phoneHash) numbers.add(phoneHash);
        });
        if (replayed > 0) deps.logger.info({ replayed }, 'replayed spooled webhooks');
        return true;
      } catch (error) {
        deps.logger.warn({ err: error }, 'the spool could not be replayed yet; trying again shortly');
        return false;
      } finally {
        for (const phoneHash of numbers) deps.drain(phoneHash).catch((error: unknown) => deps.logger.error({ err: error }, 'turns after a replay failed'));
        replaying = undefined;
      }
    })();
    return replaying;
  };

  const timer = setInterval(() => {
    if (!closed && !deps.spool.isEmpty()) void replay();
  }, deps.replayEveryMs ?? 2000);
  timer.unref();

  const take = async (entry: SpooledWebhook, attempt: () => Promise<unknown>): Promise<'recorded' | 'spooled'> => {
    if (!deps.spool.isEmpty()) {
      await deps.spool.append(entry);
      void replay();
      return 'spooled';
    }
    const outcome = await within(attempt(), deadlineMs);
    if (outcome.ok) return 'recorded';
    await spool(entry, outcome.error);
    return 'spooled';
  };

  return {
    inbound: (request) =>
      take({ kind: 'inbound', at: deps.clock.now().toISOString(), request }, async () => {
        const { outcome, phoneHash } = await deps.receive(request);
        if (outcome === 'inserted') deps.drain(phoneHash).catch((error: unknown) => deps.logger.error({ err: error }, 'inbound turns failed'));
      }),
    status: (update) => take({ kind: 'status', at: deps.clock.now().toISOString(), update }, () => deps.recordStatus(update)),
    replay,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

/** The promise's outcome within `ms`; a late result still happens, it is just not waited for. */
async function within(work: Promise<unknown>, ms: number): Promise<{ ok: true } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ ok: false; error: unknown }>((resolve) => (timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${ms} ms` }), ms)));
  const settled = work.then(() => ({ ok: true as const }), (error: unknown) => ({ ok: false as const, error }));
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
