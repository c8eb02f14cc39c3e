import { MongoClient } from 'mongodb';
import { countCommands, type CommandCounter, type CountedCommand } from '../../test/support/count-commands.js';
import { rigStartsAt, startServiceRig, type ServiceRig } from '../../test/support/service-rig.js';
import { seedHistory } from './seed-history.js';

export interface AnswerTurnOptions {
  /** Answer turns timed one at a time on the empty database, and at most as many on the full one. */
  timedTurns: number;
  /** On the full database: stop starting turns after this long, once `minFullTurns` are done. */
  fullBudgetMs: number;
  minFullTurns: number;
  /** People answering at once for turns per second, and how many questions each answers. */
  concurrentPeople: number;
  answersEach: number;
  messages: number;
  assessments: number;
  batchSize: number;
}

/**
 * Answer turns on a fresh database (issue 11 items 6 and 7): turns per second with many people
 * answering at once, then the median time of one answer turn on its own, end to end (signed
 * webhook to the next question at the fake Twilio), before and after the database is filled with
 * a year of other people's messages and assessments. Each timed turn waits for the previous one
 * to be over (the service's database client quiet), so turns do not overlap; their command counts
 * are printed too, which should not change with the data.
 */
export async function benchAnswerTurns(mongodbUri: string, options: AnswerTurnOptions): Promise<void> {
  const rig = await startServiceRig(mongodbUri, { monitorCommands: true });
  // On the full database today a turn's tail alone (three scans of the inbox) takes many seconds.
  const counter = countCommands(rig.service.mongo.client, { timeoutMs: 300_000 });
  try {
    const started = performance.now();
    const worker = await rig.api<{ id: string }>('POST', '/api/staff', { name: 'Bench Worker', phone: '+447700900801', role: 'worker' });
    await rig.api('POST', '/api/programmes', { name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    const timed = Array.from({ length: options.timedTurns }, (_, i) => `+447700900${String(300 + i).padStart(3, '0')}`);
    const busy = Array.from({ length: options.concurrentPeople }, (_, i) => `+447700900${String(600 + i).padStart(3, '0')}`);
    if (options.timedTurns > 300 || options.concurrentPeople > 300) throw new Error('at most 300 people in each group (the 07700 900xxx drama range)');
    if (options.answersEach > 3) throw new Error('at most 3 answers each: the fourth completes the questionnaire, another kind of turn');
    // Consent in person: the first question goes at once. The timed people answer it now, so that
    // both timed turns (question 2 and question 3) are the same kind of turn: mid-questionnaire.
    for (let i = 0; i < timed.length + busy.length; i += 5) {
      await Promise.all([...timed, ...busy].slice(i, i + 5).map((phone) => rig.api('POST', '/api/enrolments', { phone, consentInPerson: true, workerId: worker.id })));
    }
    for (const phone of [...timed, ...busy]) await waitForQuestion(rig, phone, 1);
    for (const phone of timed) await answer(rig, phone, 1);
    await counter.quiet();
    const setupMs = performance.now() - started;

    const empty = await timeTurns(rig, counter, timed, 2, { budgetMs: Infinity, minTurns: timed.length });

    const busyStarted = performance.now();
    await Promise.all(busy.map(async (phone) => {
      for (let question = 1; question <= options.answersEach; question++) await answer(rig, phone, question);
    }));
    const busyMs = performance.now() - busyStarted;
    await counter.quiet();
    const turns = busy.length * options.answersEach;
    console.log(`answer turns: ${turns} (${busy.length} people answering ${options.answersEach} ONS4 questions each, all at once) in ${busyMs.toFixed(0)} ms: ${((turns / busyMs) * 1000).toFixed(1)} turns/s`);

    // A client of its own: the seeding is neither the service's work nor counted as such.
    const client = await new MongoClient(mongodbUri).connect();
    const seed = { messages: options.messages, assessments: options.assessments, batchSize: options.batchSize, before: rigStartsAt };
    const seeded = await seedHistory(client.db(rig.service.mongo.db.databaseName), seed).finally(() => client.close());
    console.log(`  seeded in ${(seeded.totalMs / 1000).toFixed(1)} s with insertMany in batches of ${options.batchSize}, three collections at once: ${options.messages} messages (${(seeded.messagesMs / 1000).toFixed(1)} s), ${seeded.messageEvents} messageEvents (${(seeded.messageEventsMs / 1000).toFixed(1)} s), ${options.assessments} assessments (${(seeded.assessmentsMs / 1000).toFixed(1)} s)`);
    await counter.quiet();

    const full = await timeTurns(rig, counter, timed, 3, { budgetMs: options.fullBudgetMs, minTurns: options.minFullTurns });

    const ratio = median(full.times) / median(empty.times);
    console.log(`growth: answer turn ${median(empty.times).toFixed(0)} ms empty, ${median(full.times).toFixed(0)} ms with ${options.messages} messages and ${options.assessments} assessments: ratio ${ratio.toFixed(2)}`);
    console.log(`  median of ${empty.times.length} turns on the empty database (${range(empty.times)}); of ${full.times.length} on the full one (${range(full.times)}; no new turn after ${(options.fullBudgetMs / 1000).toFixed(0)} s once ${options.minFullTurns} done)`);
    console.log(`  commands per timed turn: ${distinct(empty.commands)} empty, ${distinct(full.commands)} full`);
    console.log(`  where the slowest full turn spent its database time (turn and tail, ${(sum(full.slowest) / 1000).toFixed(1)} s in all): ${heaviest(full.slowest, 6)}`);
    console.log(`  set-up (staff, programme, ${timed.length + busy.length} enrolments) ${(setupMs / 1000).toFixed(1)} s; empty turns ${(empty.ms / 1000).toFixed(1)} s; full turns ${(full.ms / 1000).toFixed(1)} s, each with its tail (lock release, inbox reads)`);
  } finally {
    counter.close();
    await rig.close();
  }
}

/** One answer turn per person in turn, each timed from the webhook to the next question at the fake Twilio. */
async function timeTurns(rig: ServiceRig, counter: CommandCounter, people: string[], question: number, bound: { budgetMs: number; minTurns: number }) {
  const started = performance.now();
  const times: number[] = [];
  const commands: number[] = [];
  let slowest: CountedCommand[] = [];
  for (const phone of people) {
    if (times.length >= bound.minTurns && performance.now() - started > bound.budgetMs) break;
    const count = await counter.count(async () => {
      const t = performance.now();
      await answer(rig, phone, question);
      times.push(performance.now() - t);
    });
    commands.push(count.total);
    if (sum(count.commands) > sum(slowest)) slowest = count.commands;
  }
  return { times, commands, slowest, ms: performance.now() - started };
}

/** Answers question `question` of ONS4 and waits until the next one has reached the fake Twilio. */
async function answer(rig: ServiceRig, phone: string, question: number): Promise<void> {
  await rig.text(phone, String((question * 3) % 11));
  await waitForQuestion(rig, phone, question + 1);
}

async function waitForQuestion(rig: ServiceRig, phone: string, question: number): Promise<void> {
  const pattern = new RegExp(`^Q${question}/4 `);
  const deadline = Date.now() + 300_000;
  // A short poll of the fake's memory, so the timing is the turn's and not the poll's.
  while (!rig.sentTo(phone).some((message) => pattern.test(message.body ?? ''))) {
    if (Date.now() > deadline) throw new Error(`question ${question} did not reach ${phone} within 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function range(values: number[]): string {
  return `${Math.min(...values).toFixed(0)} to ${Math.max(...values).toFixed(0)} ms`;
}

function sum(commands: CountedCommand[]): number {
  return commands.reduce((total, command) => total + command.durationMs, 0);
}

/** The `n` kinds of command that took longest in all, e.g. "messages find {direction,phoneHash,status} 4x 31.2 s". */
function heaviest(commands: CountedCommand[], n: number): string {
  const byKind = new Map<string, { count: number; ms: number }>();
  for (const { what, durationMs } of commands) {
    const kind = byKind.get(what) ?? { count: 0, ms: 0 };
    byKind.set(what, { count: kind.count + 1, ms: kind.ms + durationMs });
  }
  return [...byKind].sort(([, a], [, b]) => b.ms - a.ms).slice(0, n).map(([what, { count, ms }]) => `${what} ${count}x ${(ms / 1000).toFixed(1)} s`).join('; ');
}

function distinct(values: number[]): string {
  return [...new Set(values)].join('/');
}
