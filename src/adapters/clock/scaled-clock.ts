import type { Clock } from '../../app/ports/clock.js';

/**
 * A clock that runs `scale` times faster than the wall clock (TIME_SCALE), from an anchor: at real
 * instant `anchor.real` it read `anchor.virtual`. Demos and acceptance runs live a week in minutes;
 * jobs are woken at the real instant their virtual time arrives. `skip` jumps it forward.
 */
export class ScaledClock implements Clock {
  private anchor: { virtual: number; real: number };

  constructor(readonly scale: number, anchor: { virtual: Date; real: Date } = { virtual: new Date(), real: new Date() }) {
    if (!(scale >= 1)) throw new RangeError('a clock runs at least at real speed (scale >= 1)');
    this.anchor = { virtual: anchor.virtual.getTime(), real: anchor.real.getTime() };
  }

  now(): Date {
    return new Date(this.anchor.virtual + (Date.now() - this.anchor.real) * this.scale);
  }

  toReal(at: Date): Date {
    return new Date(this.anchor.real + (at.getTime() - this.anchor.virtual) / this.scale);
  }

  /** Moves the clock forward by ms of its own time (the simulator's "skip ahead"). */
  skip(ms: number): void {
    if (ms < 0) throw new RangeError('the clock only moves forward');
    const now = this.now().getTime();
    this.anchor = { virtual: now + ms, real: Date.now() };
  }
}
