/** One turn at a time per number, across every server process. */
export interface TurnLocks {
  acquire(phoneHash: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
  release(phoneHash: string, owner: string): Promise<void>;
}
