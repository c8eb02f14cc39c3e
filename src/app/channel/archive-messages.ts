import type { MessageLog } from '../ports/message-log.js';

/**
 * How long a settled message stays in the working set: long enough for Twilio to retry a webhook
 * and a failed turn or job to be replayed (each recognised by its id there), short enough that the
 * working set is a day's traffic, whatever the history holds. Wall-clock time.
 */
export const workingSetMs = 24 * 60 * 60 * 1000;

/** Moves settled messages older than a day to the archive, in batches, until none are left. */
export async function archiveMessages(deps: { messages: MessageLog }, batch = 500): Promise<number> {
  const before = new Date(Date.now() - workingSetMs);
  let moved = 0;
  // Bounded: a backlog larger than this goes in the next run.
  for (let round = 0; round < 20; round++) {
    const n = await deps.messages.archiveSettled(before, batch);
    moved += n;
    if (n < batch) break;
  }
  return moved;
}
