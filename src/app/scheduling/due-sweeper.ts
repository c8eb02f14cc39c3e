import { sweepDueWork, type SweepDeps, type SweepResult } from './sweep-due-work.js';

export interface DueSweeper {
  /** Sweeps at once, then every `everyMs`. */
  start(): void;
  /** Something fell due: sweep shortly (several wakes in a row make one sweep). */
  wake(): void;
  /** Sweeps until nothing due is left that this process can claim (tests, the demo's skip). */
  runUntilIdle(): Promise<SweepResult>;
  /** Stops sweeping and waits, up to timeoutMs, for the batch in hand to finish. */
  drain(timeoutMs: number): Promise<{ timedOut: boolean }>;
  /** True while a batch is being worked. */
  busy(): boolean;
}

/**
 * The recurring sweep of due items, one loop per server process: every process sweeps, and the
 * claims share the work out (an Agenda recurring job would run on one process at a time). A batch
 * that came back full is followed at once by the next; an empty round waits `everyMs`.
 */
export function createDueSweeper(deps: SweepDeps & { everyMs: number; onError(error: unknown): void }): DueSweeper {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SweepResult> | undefined;
  let stopped = true;
  let again = false;

  const round = async (): Promise<SweepResult> => {
    const total: SweepResult = { seen: 0, claimed: 0, acted: 0, voided: 0, failed: 0 };
    for (;;) {
      again = false;
      const result = await sweepDueWork(deps);
      for (const key of Object.keys(total) as Array<keyof SweepResult>) total[key] += result[key];
      // A full batch: more is due. A wake meanwhile: something new is due. Otherwise wait.
      if (result.claimed < deps.batchSize && !again) return total;
      if (stopped) return total;
    }
  };
  const run = (): Promise<SweepResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = undefined;
    });
    return running;
  };
  const plan = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run().catch(deps.onError).finally(() => {
        if (!timer) plan(deps.everyMs);
      });
    }, ms);
    timer.unref?.();
  };

  return {
    start() {
      stopped = false;
      plan(0);
    },
    wake() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      plan(20);
    },
    async runUntilIdle() {
      let last: SweepResult;
      do last = await run();
      while (last.claimed > 0);
      return last;
    },
    async drain(timeoutMs) {
      stopped = true;
      clearTimeout(timer);
      if (!running) return { timedOut: false };
      let timeout: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        running.then(() => false, () => false),
        new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timeout);
      return { timedOut };
    },
    busy: () => running !== undefined,
  };
}
