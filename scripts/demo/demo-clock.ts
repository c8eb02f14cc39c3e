import type { Collection, Db } from 'mongodb';
import { ScaledClock } from '../../src/adapters/clock/scaled-clock.js';

interface ClockDoc {
  _id: 'demo-clock';
  /** The demo's time when saved, and the wall-clock time then (for whoever reads the database). */
  virtual: Date;
  real: Date;
}

/**
 * The demo's accelerated clock, remembered in the `settings` collection: a restarted demo carries
 * on from the instant it stopped (time does not pass while it is off), so virtual time never runs
 * backwards past jobs and answers already recorded. Saved on every skip, every few seconds, and at
 * shutdown.
 */
export class DemoClock extends ScaledClock {
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(scale: number, virtual: Date, private readonly settings: Collection<ClockDoc>) {
    super(scale, { virtual, real: new Date() });
  }

  /** The remembered clock, or one starting now on the first run. */
  static async restore(db: Db, scale: number): Promise<DemoClock> {
    const settings = db.collection<ClockDoc>('settings');
    const saved = await settings.findOne({ _id: 'demo-clock' });
    return new DemoClock(scale, saved?.virtual ?? new Date(), settings);
  }

  override skip(ms: number): void {
    super.skip(ms);
    void this.save();
  }

  save(): Promise<unknown> {
    const doc = { virtual: this.now(), real: new Date() };
    // One write at a time, in order, so an older position never lands after a newer one.
    this.saving = this.saving.then(() => this.settings.updateOne({ _id: 'demo-clock' }, { $set: doc }, { upsert: true })).catch(() => {});
    return this.saving;
  }

  /** Saves every `everyMs` until the returned function is called. */
  keepSaving(everyMs = 5000): () => void {
    const timer = setInterval(() => void this.save(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
