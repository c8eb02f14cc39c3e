import { drainInbox, type InboxDeps } from './drain-inbox.js';

export interface Inbox {
  /** Works through one number's waiting messages (see drainInbox); resolves with the turns run. */
  drain(phoneHash: string): Promise<number>;
  /** Runs turns left behind: received longer than `olderThanMs` ago (a crash) or due a retry. */
  sweep(olderThanMs?: number): Promise<number>;
  /** Resolves when no turn is running in this process, or after `timeoutMs`; true when idle. */
  idle(timeoutMs: number): Promise<boolean>;
  /** Stops arming retry timers (shutdown); running turns finish. */
  close(): void;
}

/**
 * The inbox of this process: drains numbers, remembers which drains are running so shutdown can
 * wait for them (a turn cut off half-way is finished by the next start, but one allowed to finish
 * costs nothing), and, when a failing turn has to wait, comes back for it after the wait instead of
 * leaving it to the next periodic sweep.
 */
/** How long to wait before looking again when the number was busy: a turn takes well under a second. */
const busyRetries = [100, 200, 400, 800, 1600, 3200, 6400, 12_800];

export function createInbox(deps: InboxDeps): Inbox {
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => {});
    return work;
  };

  const drain = (phoneHash: string, busyTries = 0): Promise<number> =>
    track((async () => {
      const result = await drainInbox(deps, phoneHash);
      // Busy: another turn holds the number and will not look again, so this comes back, at a
      // growing interval, until it gets the lock (then the periodic sweep is the last resort).
      if (result.busy && busyTries < busyRetries.length) armRetry(phoneHash, new Date(Date.now() + (busyRetries[busyTries] ?? 0)), busyTries + 1);
      if (result.retryAt) armRetry(phoneHash, result.retryAt, 0);
      return result.turns;
    })());

  const armRetry = (phoneHash: string, at: Date, busyTries: number) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      drain(phoneHash, busyTries).catch((error: unknown) => deps.logger.error({ err: error }, 'retrying a turn failed'));
    }, Math.max(0, at.getTime() - Date.now()) + 10);
    timer.unref();
    timers.add(timer);
  };

  return {
    drain,
    async sweep(olderThanMs = 30_000) {
      const now = deps.clock.now();
      const phoneHashes = await deps.messages.phonesWithUnprocessed(new Date(now.getTime() - olderThanMs), new Date());
      for (const phoneHash of phoneHashes) await drain(phoneHash);
      return phoneHashes.length;
    },
    async idle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
        clearTimeout(timer);
      }
      return true;
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
