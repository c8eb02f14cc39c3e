/**
 * One turn at a time per number, across every server process. A lock outlives a crashed process by
 * its time to live, which is wall-clock time whatever the service's clock reads (under TIME_SCALE
 * 5040 a minute of service time is 12 ms, shorter than a turn), so the adapter keeps its own time.
 */
export interface TurnLocks {
  /**
   * 'acquired' when the number was free; 'taken-over' when its lock had expired unreleased, so the
   * turn that held it died part-way (whoever takes over finishes what it committed); 'busy' when a
   * live turn holds it.
   */
  acquire(phoneHash: string, owner: string, ttlMs: number): Promise<LockOutcome>;
  /**
   * 'finished': every turn run under the lock was carried out in full. 'unfinished': one failed and
   * may have committed actions it did not finish; the lock is left expired, so the next holder
   * takes it over and finishes them.
   */
  release(phoneHash: string, owner: string, how?: 'finished' | 'unfinished'): Promise<void>;
}

export type LockOutcome = 'acquired' | 'taken-over' | 'busy';
