import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Db } from 'mongodb';
import type { Logger } from '../../logger.js';

export interface SchedulerHandle {
  agenda: Agenda;
  start(): Promise<void>;
  /** Why the scheduler cannot take work right now, or null when it is running. */
  problem(): string | null;
  /** Stops picking up jobs and waits (up to timeoutMs) for running ones to finish. */
  drain(timeoutMs: number): Promise<{ timedOut: boolean; running: number }>;
}

/**
 * Agenda on the service's own database connection (collection `agendaJobs`). MongoDB holds the
 * truth of every schedule; Agenda only fires jobs, and each handler re-reads state (DESIGN.md).
 */
export interface SchedulerOptions {
  /** How often Agenda polls for due jobs (default 1 s, so replies to scheduled events feel prompt). */
  processEveryMs?: number;
  /**
   * How long a running job keeps its lock (default 5 min). Agenda re-checks a running job every
   * half lifetime with a timer it never unrefs, so tests use a short one to let the process exit.
   */
  lockLifetimeMs?: number;
}

export function createScheduler(db: Db, logger: Logger, options: SchedulerOptions = {}): SchedulerHandle {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db, collection: 'agendaJobs' }),
    name: `promptly-${process.pid}`,
    processEvery: options.processEveryMs ?? 1000,
    defaultLockLifetime: options.lockLifetimeMs ?? 5 * 60_000,
  });
  let state: 'created' | 'starting' | 'running' | 'draining' | 'stopped' = 'created';
  agenda.on('error', (error: Error) => logger.error({ err: error }, 'scheduler error'));
  agenda.on('fail', (error: Error, job: { attrs: { name: string } }) =>
    logger.error({ err: error, job: job.attrs.name }, 'job failed'));

  return {
    agenda,
    async start() {
      state = 'starting';
      await agenda.start();
      state = 'running';
    },
    problem() {
      return state === 'running' ? null : `scheduler is ${state}`;
    },
    async drain(timeoutMs) {
      if (state !== 'running') {
        state = 'stopped';
        return { timedOut: false, running: 0 };
      }
      state = 'draining';
      const result = await agenda.drain({ timeout: timeoutMs, closeConnection: false });
      state = 'stopped';
      return { timedOut: result.timedOut, running: result.running };
    },
  };
}
