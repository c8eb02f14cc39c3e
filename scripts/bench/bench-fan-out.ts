import { randomBytes } from 'node:crypto';
import { cloneFollowUps } from '../../test/support/clone-follow-ups.js';
import { countCommands } from '../../test/support/count-commands.js';
import { completeBaseline } from '../../test/support/measure-round-trips.js';
import { startServiceRig, type ServiceRig } from '../../test/support/service-rig.js';

const worker = '+447700900801';
const template = '+447700900812';

/**
 * Issue 19 item 5: `people` follow-up invitations due at one instant, swept by `processes`
 * service instances on one database (each with its own client, fake Twilio and sweep), timed
 * from the moment the clock reaches the instant until every invitation is at a fake Twilio.
 * One person is taken through a real baseline (so the follow-up's documents have the service's
 * own shapes), then cloned with new ids and numbers straight into the collections. Commands are
 * counted with the driver's command monitoring on every instance's client, from the wake-up until
 * all are quiet, and divided by the invitations. Prints the one `fan-out:` line.
 */
export async function benchFanOut(mongodbUri: string, options: { people: number; processes: number; budgetMs?: number }): Promise<void> {
  const env = { APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), ADMIN_API_TOKEN: randomBytes(24).toString('hex') };
  const rigs: ServiceRig[] = [await startServiceRig(mongodbUri, { monitorCommands: true, env })];
  try {
    const [first] = rigs as [ServiceRig];
    await first.api('POST', '/api/staff', { name: 'Bench Worker', phone: worker, role: 'worker' });
    await first.api('POST', '/api/programmes', { name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    const counter0 = countCommands(first.service.mongo.client);
    const followUp = await completeBaseline(first, counter0, template);
    counter0.close();
    const phones = (await cloneFollowUps(first.service.mongo.db, first.service.messaging.delivery.phones, followUp.id, options.people)).length;
    if (process.env.BENCH_TRACE) console.log(`  seeded ${phones} follow-ups due at ${followUp.dueAt}`);
    for (let i = 1; i < options.processes; i++) rigs.push(await startServiceRig(mongodbUri, { monitorCommands: true, env }));
    const at = new Date(new Date(followUp.dueAt).getTime() + 1000);
    const counters = rigs.map((rig) => countCommands(rig.service.mongo.client, { timeoutMs: 600_000 }));
    const invitations = () => rigs.flatMap((rig) => rig.fake.sent).filter((message) => /check-in, \d+ quick questions/.test(message.body ?? ''));
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    let seconds = 0;
    let reachedAll: () => void = () => {};
    const finished = new Promise<void>((resolve) => (reachedAll = resolve));
    // Every instance's client is counted until the last invitation is out (and it is quiet again).
    const counts = await Promise.all(counters.map((counter, index) => counter.count(async () => {
      if (index > 0) return finished;
      const started = performance.now();
      for (const rig of rigs) rig.clock.setTo(at);
      for (const rig of rigs) await rig.service.jobs.realign();
      const deadline = Date.now() + (options.budgetMs ?? 10 * 60_000);
      while (invitations().length < options.people) {
        // Over budget: the figures so far are printed (with how many got there), not an error.
        if (Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (process.env.BENCH_TRACE && Math.random() < 0.01) console.log(`  ${invitations().length} invitations after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      seconds = (performance.now() - started) / 1000;
      reachedAll();
    })));
    clearInterval(sampler);
    const sent = invitations();
    const perNumber = new Map<string, number>();
    for (const message of sent) perNumber.set(message.to, (perNumber.get(message.to) ?? 0) + 1);
    const duplicates = [...perNumber.values()].reduce((sum, n) => sum + n - 1, 0);
    const commands = counts.reduce((sum, count) => sum + count.total, 0);
    const busy = rigs.map((rig) => rig.fake.sent.filter((message) => /check-in, \d+ quick questions/.test(message.body ?? '')).length);
    const reached = sent.length < options.people ? ` (budget spent: ${sent.length} of ${options.people} sent)` : '';
    console.log(`fan-out: ${options.people} invitations in ${seconds.toFixed(1)} s, ${duplicates} duplicates, ${(commands / Math.max(1, sent.length)).toFixed(1)} commands per invitation, peak RSS ${Math.round(peakRss / 1048576)} MB${reached}`);
    console.log(`  ${options.processes} service instance(s), invitations sent by each: ${busy.join(', ')}; ${perNumber.size} of ${phones} numbers reached`);
    const top = Object.entries(counts.reduce<Record<string, number>>((all, count) => {
      for (const [key, n] of Object.entries(count.breakdown)) all[key] = (all[key] ?? 0) + n;
      return all;
    }, {})).sort(([, a], [, b]) => b - a).slice(0, 8);
    console.log(`  commands by kind: ${top.map(([key, n]) => `${key} ${(n / options.people).toFixed(2)}`).join(', ')}`);
    for (const counter of counters) counter.close();
  } finally {
    for (const rig of rigs) await rig.close();
  }
}
