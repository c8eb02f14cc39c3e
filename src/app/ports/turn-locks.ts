/**
 * One turn at a time per number, across every server process. A lock outlives a crashed process by
 * its time to live, which is wall-clock time whatever the service's clock reads (under TIME_SCALE
 * 5040 a minute of service time is 12 ms, shorter than a turn), so the adapter keeps its own time.
 */
export interface TurnLocks {
  acquire(phoneHash: string, owner: string, ttlMs: number): Promise<boolean>;
  release(phoneHash: string, owner: string): Promise<void>;
}
