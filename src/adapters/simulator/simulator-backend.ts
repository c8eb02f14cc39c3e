import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from 'mongodb';
import type { CaseStore } from '../../app/ports/case-store.js';
import type { StaffDirectory } from '../../app/ports/staff-directory.js';
import type { Clock } from '../../app/ports/clock.js';
import type { JobScheduler } from '../../app/ports/job-scheduler.js';
import type { PhoneProtector } from '../../app/ports/phone-protector.js';
import type { InboundRequest } from '../../app/ports/message-log.js';
import type { Logger } from '../../logger.js';
import { ScaledClock } from '../clock/scaled-clock.js';
import { nextScheduledEvent } from './next-scheduled-event.js';
import { simulatorHistory } from './simulator-history.js';
import { simulatorMessageView, type SimulatorMessageView, type SimulatorPhone } from './simulator-message.js';
import { createSimulatorPhoneBook } from './simulator-phone-book.js';
import { skipAhead } from './skip-ahead.js';
import type { SimulatedMessage, SimulatorTransport } from './simulator-transport.js';

export interface SimulatorBackendDeps {
  db: Db;
  transport: SimulatorTransport;
  /** The same way in as Twilio's webhook: recorded (or spooled), then the turn runs. */
  receive(request: InboundRequest): Promise<unknown>;
  sweepOutbox(): Promise<unknown>;
  staff: StaffDirectory;
  cases: CaseStore;
  phones: PhoneProtector;
  jobs: JobScheduler;
  clock: Clock;
  timezone: string;
  logger: Logger;
}

export interface SimulatorClockState {
  /** The service's clock when this was read, ISO; it runs on at `scale` times real time. */
  now: string;
  scale: number;
  /** Only a ScaledClock (TIME_SCALE, the demo) can be moved forward. */
  skippable: boolean;
  timezone: string;
  next: { at: string; what: string } | null;
}

export interface SimulatorText { message: SimulatorMessageView; phone: SimulatorPhone }
export type SimulatorSkip = 'next' | 'day' | 'week';
export type SimulatorBackend = ReturnType<typeof createSimulatorBackend>;

const skipMs = { day: 86_400_000, week: 7 * 86_400_000 };

/**
 * What the simulator page works with: phones typing into the same `receive` as Twilio's webhook,
 * the bot's texts as the simulator transport delivers them, and the demo clock. Emits 'text'
 * (SimulatorText), 'clock' (SimulatorClockState) and 'close' (the server is stopping).
 */
export function createSimulatorBackend(deps: SimulatorBackendDeps) {
  const events = new EventEmitter().setMaxListeners(200);
  const phoneBook = createSimulatorPhoneBook(deps);
  // One text at a time, so the page shows them in the order they happened even when looking up
  // who holds a new number takes a moment.
  let published: Promise<void> = Promise.resolve();
  const publish = (text: Parameters<typeof simulatorMessageView>[0]) => {
    published = published.then(async () => {
      events.emit('text', { message: simulatorMessageView(text), phone: await phoneBook.describe(text.phone) } satisfies SimulatorText);
    }).catch((error: unknown) => deps.logger.error({ err: error }, 'simulator could not show a text'));
    return published;
  };
  const relay = (sent: SimulatedMessage) => void publish({ id: sent.sid, phone: sent.to, direction: 'out', body: sent.body, at: sent.at });
  deps.transport.on('message', relay);

  let skipping: Promise<unknown> = Promise.resolve();

  const clockState = async (): Promise<SimulatorClockState> => {
    const now = deps.clock.now();
    const next = await nextScheduledEvent(deps.db, deps.cases, now);
    return {
      now: now.toISOString(), scale: deps.clock instanceof ScaledClock ? deps.clock.scale : 1, skippable: deps.clock instanceof ScaledClock,
      timezone: deps.timezone, next: next ? { at: next.at.toISOString(), what: next.what } : null,
    };
  };

  return {
    events,
    clockState,
    describe: (phone: string) => phoneBook.describe(phone),

    /** Everything the page needs on (re)load: staff phones first, then every number in the history. */
    async state() {
      const [clock, staff, messages] = await Promise.all([clockState(), phoneBook.staffPhones(), simulatorHistory(deps.db, deps.phones)]);
      const others = [...new Set(messages.map((m) => m.phone))].filter((phone) => !staff.some((s) => s.phone === phone));
      return { clock, phones: [...staff, ...(await Promise.all(others.map((phone) => phoneBook.describe(phone))))], messages };
    },

    /** A text typed on a simulated phone: shown, recorded through `receive`, then the bot's turn runs. */
    async type(from: string, body: string): Promise<{ id: string }> {
      const id = `SIM${randomUUID().replace(/-/g, '')}`;
      await publish({ id, phone: from, direction: 'in', body, at: deps.clock.now() });
      // Like Twilio's webhook, the request is answered once the text is recorded; replies follow as events.
      await deps.receive({ id, channel: 'simulator', from, body });
      return { id };
    },

    /**
     * Moves the demo clock forward as if that much time had passed (see skipAhead), and answers
     * once the jobs on the way have run, so the next scheduled event it reports is the real next one.
     */
    async skip(to: SimulatorSkip): Promise<{ ok: true; clock: SimulatorClockState } | { ok: false; reason: string }> {
      const clock = deps.clock;
      if (!(clock instanceof ScaledClock)) return { ok: false, reason: 'this server runs on real time (TIME_SCALE=1), so it cannot skip ahead' };
      const now = clock.now();
      const until = to === 'next' ? (await nextScheduledEvent(deps.db, deps.cases, now))?.at : new Date(now.getTime() + skipMs[to]);
      if (!until) return { ok: false, reason: 'nothing is scheduled after now' };
      // One skip at a time (two tabs, a double click): each starts from where the last one ended.
      const skipped = skipping.then(() => skipAhead({ ...deps, clock, onStep: async () => void events.emit('clock', await clockState()) }, until));
      skipping = skipped.catch(() => {});
      await skipped;
      const state = await clockState();
      events.emit('clock', state);
      return { ok: true, clock: state };
    },

    /** Ends the page's event streams (shutdown), so the server can close without waiting for them. */
    close() {
      deps.transport.off('message', relay);
      events.emit('close');
    },
  };
}
