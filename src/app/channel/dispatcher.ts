/**
 * Hands recorded messages to the transport a few at a time, in the order they were recorded: the
 * steady-rate half of the outbox for scheduled work (10,000 invitations due at 10:00 go out as fast
 * as the provider takes them, never all at once). A turn's replies do not come here: they are sent
 * at once by the turn, so a reply never waits behind a fan-out. `enqueue` waits while the queue is
 * full, which slows the sweep that fills it to the pace of sending, with bounded memory.
 */
export interface Dispatcher {
  /** Queues a delivery; resolves once it is queued (not sent). */
  enqueue(delivery: () => Promise<void>): Promise<void>;
  /** Resolves true when nothing is queued or being sent, false if `timeoutMs` passed first. */
  idle(timeoutMs: number): Promise<boolean>;
  /** Deliveries queued or in progress. */
  pending(): number;
}

export function createDispatcher(options: { concurrency: number; maxQueued: number; onError(error: unknown): void }): Dispatcher {
  const queue: Array<() => Promise<void>> = [];
  let active = 0;
  let waiters: Array<() => void> = [];
  const notify = () => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  const pump = () => {
    while (active < options.concurrency && queue.length > 0) {
      const delivery = queue.shift() as () => Promise<void>;
      active++;
      notify();
      void delivery().catch(options.onError).finally(() => {
        active--;
        pump();
        notify();
      });
    }
  };
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  return {
    async enqueue(delivery) {
      while (queue.length >= options.maxQueued) await changed();
      queue.push(delivery);
      pump();
    },
    async idle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (active + queue.length > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([changed(), new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
        clearTimeout(timer);
      }
      return true;
    },
    pending: () => active + queue.length,
  };
}
