import type { CommandCount } from '../../test/support/count-commands.js';
import { commandsLine, measureRoundTrips, roundTripOperations } from '../../test/support/measure-round-trips.js';
import { startServiceRig } from '../../test/support/service-rig.js';

/**
 * Database commands per operation (issue 11 item 6), counted with the driver's command monitoring
 * on a fresh database: the `commands:` line other tools read, then for each operation where its
 * commands go, by collection and command. BENCH_TRACE=1 also lists every command in order, with
 * the fields it filters on, to see which reads repeat.
 */
export async function benchRoundTrips(mongodbUri: string): Promise<void> {
  const rig = await startServiceRig(mongodbUri, { monitorCommands: true });
  try {
    const trips = await measureRoundTrips(rig);
    console.log(commandsLine(trips));
    for (const operation of roundTripOperations) {
      console.log(`  ${operation} ${trips[operation].total}: ${describeBreakdown(trips[operation])}`);
      if (process.env.BENCH_TRACE) for (const line of trips[operation].trace) console.log(`      ${line}`);
    }
  } finally {
    await rig.close();
  }
}

/** "messages 12 (find 4, insert 3, update 5), ..." with the busiest collection first. */
function describeBreakdown(count: CommandCount): string {
  const byCollection = new Map<string, Map<string, number>>();
  for (const [key, n] of Object.entries(count.breakdown)) {
    const [collection = '', command = ''] = key.split(' ');
    const commands = byCollection.get(collection) ?? new Map<string, number>();
    commands.set(command, (commands.get(command) ?? 0) + n);
    byCollection.set(collection, commands);
  }
  const sum = (commands: Map<string, number>) => [...commands.values()].reduce((a, b) => a + b, 0);
  return [...byCollection]
    .sort(([a, x], [b, y]) => sum(y) - sum(x) || a.localeCompare(b))
    .map(([collection, commands]) => `${collection} ${sum(commands)} (${[...commands].sort(([, x], [, y]) => y - x).map(([command, n]) => `${command} ${n}`).join(', ')})`)
    .join(', ');
}
