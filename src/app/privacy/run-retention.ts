import { monthsBefore } from '../../domain/schedule/months-before.js';
import type { Logger } from '../../logger.js';
import { busy, NumberBusyError, tryWithNumberLock } from '../cases/with-number-lock.js';
import { erasePerson, type ErasureDeps } from './erase-person.js';

export interface RetentionSettings {
  /** Message texts (in and out) are blanked after this many days. */
  messageDays: number;
  /** A person whose enrolments all closed more than this many months ago is erased. */
  closedMonths: number;
}

export interface RetentionReport {
  dryRun: boolean;
  at: Date;
  /** `turns`: committed turns (the texts a turn sent) dropped from numbers' records. */
  messages: { before: Date; blanked: number; turns: number };
  closedEnrolments: { before: Date; erased: string[]; busy: string[] };
  strangerMarkers: { before: Date; deleted: number };
}

/** A stranger's once-a-day reply marker is only needed on its day; two days covers every time zone. */
const strangerMarkerDays = 2;

/**
 * The daily retention run (also `retention run`): message texts older than the setting are blanked
 * (answers and scores stay), people whose enrolments closed long enough ago are erased as on
 * request, and strangers' reply markers older than two days go. In bounded batches, each step
 * idempotent, so a run interrupted or repeated does nothing twice. A dry run counts and changes
 * nothing. Logs counts only.
 */
export async function runRetention(
  deps: ErasureDeps & { logger: Logger },
  settings: RetentionSettings,
  options: { dryRun?: boolean; batchSize?: number } = {},
): Promise<RetentionReport> {
  const dryRun = options.dryRun === true;
  const batch = options.batchSize ?? 500;
  const at = deps.clock.now();
  const messagesBefore = new Date(at.getTime() - settings.messageDays * 86_400_000);
  const closedBefore = monthsBefore(at, settings.closedMonths);
  const strangersBefore = new Date(at.getTime() - strangerMarkerDays * 86_400_000);

  const blanked = dryRun ? await deps.privacy.blankMessagesBefore(messagesBefore, batch, true) : await untilShort((limit) => deps.privacy.blankMessagesBefore(messagesBefore, limit, false), batch);

  const turns = dryRun ? await deps.privacy.countTurnsBefore(messagesBefore) : await dropOldTurns(deps, messagesBefore, batch);

  const erased: string[] = [];
  const busyPeople: string[] = [];
  for (;;) {
    const people = (await deps.privacy.closedPeopleBefore(closedBefore, batch)).filter((p) => !busyPeople.includes(p.reference));
    if (dryRun) {
      erased.push(...people.map((p) => p.reference));
      break;
    }
    for (const person of people) {
      try {
        const result = await erasePerson(deps, person.reference, 'retention', { via: 'retention' });
        if (result.ok && result.value.status === 'erased') erased.push(person.reference);
      } catch (error) {
        // Their turn is running: the next run erases them.
        if (!(error instanceof NumberBusyError)) throw error;
        busyPeople.push(person.reference);
      }
    }
    if (people.length < batch) break;
  }

  const deleted = dryRun ? await deps.privacy.forgetStrangersBefore(strangersBefore, batch, true) : await untilShort((limit) => deps.privacy.forgetStrangersBefore(strangersBefore, limit, false), batch);

  const report: RetentionReport = {
    dryRun, at,
    messages: { before: messagesBefore, blanked, turns },
    closedEnrolments: { before: closedBefore, erased, busy: busyPeople },
    strangerMarkers: { before: strangersBefore, deleted },
  };
  deps.logger.info({ dryRun, messagesBlanked: blanked, turnsDropped: turns, peopleErased: erased.length, peopleBusy: busyPeople.length, strangerMarkersDeleted: deleted }, dryRun ? 'retention dry run' : 'retention run');
  if (!dryRun && blanked + turns + erased.length + deleted > 0) {
    await deps.audit.record({ actor: 'retention', action: 'retention.run', at, details: { messagesBlanked: blanked, turnsDropped: turns, peopleErased: erased.length, strangerMarkersDeleted: deleted } });
  }
  return report;
}

/**
 * A number's record keeps its last committed turn (for a replay after a crash), texts included.
 * One older than the retention period was finished long ago: it goes, under the number's lock (a
 * record is its turns' to write); a number busy now is left for the next run.
 */
async function dropOldTurns(deps: ErasureDeps, before: Date, batch: number): Promise<number> {
  let dropped = 0;
  const busyNumbers = new Set<string>();
  for (;;) {
    const numbers = (await deps.privacy.numbersWithTurnsBefore(before, batch + busyNumbers.size)).filter((n) => !busyNumbers.has(n));
    for (const phoneHash of numbers) {
      const done = await tryWithNumberLock(deps, phoneHash, () => deps.privacy.dropTurnBefore(phoneHash, before));
      if (done === busy) busyNumbers.add(phoneHash);
      else if (done) dropped++;
    }
    if (numbers.length < batch) return dropped;
  }
}

/** Runs a batch step until it comes back short of a full batch; the total it did. */
async function untilShort(step: (limit: number) => Promise<number>, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await step(batch);
    total += done;
    if (done < batch) return total;
  }
}
