import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../../app/ports/clock.js';
import type { Metrics } from '../../app/ports/metrics.js';
import type { OperationsGauges, OperationsLevels } from '../../app/ports/operations-gauges.js';
import type { Logger } from '../../logger.js';

export interface PrometheusMetrics extends Metrics {
  /** The Prometheus text exposition of every metric, the levels read (at most once per `levelsEveryMs`). */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Counts stop here: an outbox or backlog this deep is an incident whatever the exact figure. */
const levelCap = 100_000;

/**
 * The Metrics port over prom-client, on a registry of its own (never the library's global one: a
 * test process runs several services). Counters and the turn histogram are updated in memory as
 * work happens; the outbox and due-work levels are read from the database when scraped, cached for
 * `levelsEveryMs` so that several scrapers (or a fast one) cost one bounded read per interval.
 */
export function createPrometheusMetrics(deps: { gauges: OperationsGauges; clock: Clock; logger: Logger; levelsEveryMs?: number }): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'promptly_process_' });
  const turns = new Counter({ name: 'promptly_turns_total', help: 'Inbound messages handled (turns), by outcome', labelNames: ['outcome'], registers: [registry] });
  const turnSeconds = new Histogram({
    name: 'promptly_turn_duration_seconds', help: 'Time to handle one inbound message, its replies recorded', labelNames: ['outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const sends = new Counter({ name: 'promptly_sends_total', help: 'Send attempts at the provider, by channel and outcome (sent or the failure reason)', labelNames: ['channel', 'outcome'], registers: [registry] });
  const rejections = new Counter({ name: 'promptly_webhook_rejections_total', help: 'Twilio webhooks refused, by reason', labelNames: ['reason'], registers: [registry] });
  const databaseErrors = new Counter({ name: 'promptly_database_errors_total', help: 'Failed database commands and missed heartbeats', labelNames: ['kind'], registers: [registry] });

  const everyMs = deps.levelsEveryMs ?? 10_000;
  let cached: { at: number; levels: Promise<OperationsLevels> } | undefined;
  const levels = () => {
    const now = Date.now();
    if (!cached || now - cached.at >= everyMs) {
      const read = deps.gauges.read(deps.clock.now(), levelCap);
      cached = { at: now, levels: read };
      // A failed read is not kept: the next scrape tries again.
      read.catch(() => { if (cached?.levels === read) cached = undefined; });
    }
    return cached.levels;
  };
  const level = (name: string, help: string, pick: (levels: OperationsLevels) => number) => new Gauge({
    name, help, registers: [registry],
    async collect() {
      try {
        this.set(pick(await levels()));
      } catch (error) {
        deps.logger.warn({ err: error }, `could not read ${name} for /metrics`);
      }
    },
  });
  level('promptly_outbox_depth', `Outbound texts recorded and not yet sent (counted up to ${levelCap})`, (l) => l.outboxDepth);
  level('promptly_outbox_oldest_unsent_seconds', 'Age of the oldest text that is due to go (or stuck sending) and has not gone', (l) => l.oldestUnsentSeconds);
  level('promptly_due_backlog', `Due items (follow-ups, reminders, lapses) past their instant, waiting for the sweep (counted up to ${levelCap})`, (l) => l.dueBacklog);

  return {
    turn(outcome, seconds) {
      turns.inc({ outcome });
      turnSeconds.observe({ outcome }, seconds);
    },
    send: (channel, outcome) => sends.inc({ channel, outcome }),
    webhookRejected: (reason) => rejections.inc({ reason }),
    databaseError: (kind) => databaseErrors.inc({ kind }),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
