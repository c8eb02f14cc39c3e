import type { Clock } from '../../src/app/ports/clock.js';

/** Real time plus an offset the test moves forward by hand, so order and gaps stay realistic. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  toReal(at: Date): Date {
    return new Date(at.getTime() - this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** Jumps to an instant; time then runs on from there. */
  setTo(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
