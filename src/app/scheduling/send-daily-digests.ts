import { digestNews } from '../../domain/analytics/digest-news.js';
import { workerDigest } from '../../domain/analytics/worker-digest.js';
import { addLocalDays, isoWeekday, type LocalDate } from '../../domain/schedule/local-date-time.js';
import { nextLocalTime } from '../../domain/schedule/next-local-time.js';
import { utcToZoned } from '../../domain/schedule/utc-to-zoned.js';
import { tellStaff, type CaseDeps } from '../cases/case-deps.js';
import type { DigestLog } from '../ports/digest-log.js';
import type { NumberHealth } from '../ports/number-health.js';
import type { JobOutcome } from '../ports/job-scheduler.js';
import type { ReportSource } from '../ports/report-source.js';
import type { StaffMember } from '../ports/staff-directory.js';
import { lapseLookbackDays, workerDigestData } from '../reports/worker-digest-data.js';

export const digestTime = '09:30';

/** How many earlier days' digests are read to know what was told: more than any item stays a candidate. */
const rememberedDays = 2 * lapseLookbackDays;

export type DigestDeps = CaseDeps & { reports: ReportSource; digests: DigestLog; numbers: NumberHealth };

/**
 * Each worker's daily nudge, by reference only, saying each thing once (digestNews): new lapses,
 * follow-ups newly within the week and on their day, and open alerts until acknowledged. Sent only
 * when there is something to say; on Saturdays and Sundays only to workers with an open alert.
 * Then the job sleeps until tomorrow's 09:30.
 */
export async function sendDailyDigests(deps: DigestDeps): Promise<JobOutcome> {
  const now = deps.clock.now();
  const local = utcToZoned(now, deps.org.timezone);
  const today = { year: local.year, month: local.month, day: local.day };
  let sent = 0;
  for (const worker of await deps.staff.list({ role: 'worker' })) {
    if (await sendDigest(deps, worker, today, now)) sent++;
  }
  return { deferUntil: nextLocalTime(now, digestTime, deps.org.timezone), note: `${sent} digests` };
}

/**
 * One worker's day, decided once: the record (text and what it told) is inserted under the day's
 * id before anything is sent, and the text goes under that same id. A second run of the job, at
 * the same time on another process or after a crash, finds the record and sends its text, which
 * the outbox keeps once; so what is remembered as told is exactly what was sent, and the job needs
 * neither a transaction nor an atomic read-modify-write.
 */
async function sendDigest(deps: DigestDeps, worker: StaffMember, today: LocalDate, now: Date): Promise<boolean> {
  const id = dayId(today, worker.id);
  const earlier = Array.from({ length: rememberedDays + 1 }, (_, days) => dayId(addLocalDays(today, -days), worker.id));
  const records = await deps.digests.find(earlier);
  let text = records.find((record) => record.id === id)?.text;
  if (text === undefined) {
    const candidates = await workerDigestData({ source: deps.reports, cases: deps.cases, numbers: deps.numbers, org: deps.org }, { worker, today });
    const news = digestNews(candidates, new Set(records.flatMap((record) => record.said)), { weekend: isoWeekday(today) >= 6 });
    const composed = workerDigest({ ...news, workerName: worker.name, orgName: deps.org.name, timeZone: deps.org.timezone });
    if (!composed) return false;
    const outcome = await deps.digests.record({ id, workerId: worker.id, date: dateKey(today), text: composed, said: [...news.said], at: now });
    text = outcome === 'recorded' ? composed : (await deps.digests.find([id]))[0]?.text;
    if (text === undefined) throw new Error(`the digest ${id} was recorded but cannot be read back`);
  }
  await tellStaff(deps, worker, text, 'digest', id);
  return true;
}

function dayId(date: LocalDate, workerId: string): string {
  return `digest:${dateKey(date)}:${workerId}`;
}

function dateKey(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
