import { benchFanOut } from './bench-fan-out.js';
import { onOwnDatabase } from './on-own-database.js';

/** `npx tsx scripts/bench/run-fan-out.ts [people] [processes]`: only the fan-out part of `npm run bench`. */
onOwnDatabase('fanout', (uri) => benchFanOut(uri, { people: Number(process.argv[2] ?? 10_000), processes: Number(process.argv[3] ?? 1) }));
