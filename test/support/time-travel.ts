import type { ChannelHarness } from './channel-harness.js';

/** Moves the service's clock to an instant, wakes the jobs due by then, and lets them run. */
export async function travelTo(h: ChannelHarness, iso: string, settleMs = 900): Promise<void> {
  h.clock.setTo(new Date(iso));
  await h.service.jobs.realign();
  // Agenda polls every 200 ms in tests; a due job and the jobs it schedules need a moment.
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}
