import { waitForDueJobs } from '../../src/adapters/simulator/wait-for-due-jobs.js';
import type { ChannelHarness } from './channel-harness.js';

/**
 * Moves the service's clock to an instant, wakes the jobs due by then, and waits until they have
 * run (and whatever they set off is sent): see jobsSettled. Then "nothing was sent" means it.
 */
export async function travelTo(h: ChannelHarness, iso: string): Promise<void> {
  h.clock.setTo(new Date(iso));
  await h.service.jobs.realign();
  await jobsSettled(h);
}

/**
 * The positive signal that the scheduler is done for now: no job is due by the service's clock or
 * running (one that defers has saved its next instant), and no turn or text is left in flight.
 */
export async function jobsSettled(h: ChannelHarness, timeoutMs = 10_000): Promise<void> {
  if (!(await waitForDueJobs(h.database.db, h.clock, timeoutMs))) throw new Error(`jobs still due or running after ${timeoutMs} ms`);
  await h.settled(timeoutMs);
}
