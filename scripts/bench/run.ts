import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase } from '../database/start-database.js';
import { benchAnswerTurns } from './bench-answer-turns.js';
import { benchCaseloadPage } from './bench-caseload-page.js';
import { benchChannel } from './bench-channel.js';
import { benchExport } from './bench-export.js';
import { benchDashboard } from './bench-dashboard.js';
import { benchFanOut } from './bench-fan-out.js';
import { benchParsing } from './bench-parsing.js';
import { benchRoundTrips } from './bench-round-trips.js';

/**
 * `npm run bench`: figures, not pass/fail. Reply parsing and scoring in the domain; inbound SMS
 * through the whole service (signed webhooks -> turns -> outbox -> real twilio SDK -> a local
 * fake Twilio) on a real MongoDB-compatible database; database commands per operation; answer
 * turns per second and as the data grows; the caseload page's render time with 2,000 people. Loopback only; bounded in count and time (about four
 * minutes on two cores with FerretDB).
 */
async function main(): Promise<void> {
  console.log(`promptly benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
  await timed('parsing', async () => benchParsing());
  await timed('channel', () => benchChannel({ numbers: 20, messagesPerNumber: 10 }));

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promptly-bench-'));
  const database = await startDatabase({ dataDir });
  // Each part on a database of its own on one server, so each starts empty.
  const fresh = (part: string) => `${database.uri.replace(/\/$/, '')}/bench_${part}_${randomUUID().slice(0, 8)}`;
  try {
    // Issue 15 item 5: the dashboard as the assessments grow (BENCH_DASHBOARD=1000000 to try the size).
    const dashboardMax = Number(process.env.BENCH_DASHBOARD ?? 40_000);
    await timed('dashboard', () => benchDashboard(fresh('dashboard'), { workers: 200, steps: [...new Set([Math.min(10_000, dashboardMax), dashboardMax])], batchSize: 2000 }));
    await timed('round trips', () => benchRoundTrips(fresh('trips')));
    // Issue 14: the staff web app's caseload page for a worker with 2,000 people (target < 150 ms).
    await timed('caseload page', () => benchCaseloadPage(fresh('caseload'), { people: Number(process.env.BENCH_CASELOAD ?? 2000), requests: 30 }));
    // Issue 19: invitations due at one instant, swept in batches (one instance; then two sharing).
    await timed('fan-out', () => benchFanOut(fresh('fanout'), { people: Number(process.env.BENCH_FAN_OUT ?? 10_000), processes: 1 }));
    await timed('fan-out, two instances', () => benchFanOut(fresh('fanout2'), { people: 1000, processes: 2 }));
    // Issue 16: an export of 100,000 assessments streams (RSS growth under 100 MB).
    await timed('export', () => benchExport(fresh('export'), { count: Number(process.env.BENCH_EXPORT ?? 100_000) }));
    await timed('answer turns and growth', () => benchAnswerTurns(fresh('growth'), {
      // Today one answer turn on the full database takes tens of seconds (its tail as long again),
      // so the full side stops after a minute; once turns read by _id, all 30 fit easily.
      timedTurns: 30, fullBudgetMs: 60_000, minFullTurns: 1, concurrentPeople: 10, answersEach: 3,
      messages: 100_000, assessments: 20_000, batchSize: 4000,
    }));
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timed(part: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  console.log(`  (${part}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
