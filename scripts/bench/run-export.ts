import { benchExport } from './bench-export.js';
import { onOwnDatabase } from './on-own-database.js';

/** `npx tsx scripts/bench/run-export.ts [count]`: only the export benchmark, on its own database. */
onOwnDatabase('export', (uri) => benchExport(uri, { count: Number(process.argv[2] ?? 100_000) }));
