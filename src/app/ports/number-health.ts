/**
 * What the network has said about numbers we text, kept apart from the number's record (which only
 * its turns write, under its lock), since status callbacks arrive at any time. Keyed by the
 * number's keyed hash; holds no phone number and nothing of any message but its id.
 */
export interface NumberHealth {
  /** A message to the number was not delivered because the number could not take it; returns the recent failures. */
  recordUndeliverable(phoneHash: string, messageId: string, at: Date): Promise<Array<{ messageId: string; at: Date }>>;
  /** Marks the number as looking wrong, once: an earlier mark stands. */
  markLooksWrong(phoneHash: string, at: Date): Promise<void>;
  /** Numbers first marked as looking wrong at or after `since`. */
  lookingWrongSince(since: Date): Promise<Array<{ phoneHash: string; since: Date }>>;
}
