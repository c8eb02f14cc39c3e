import { benchChannel } from './bench-channel.js';
import { benchParsing } from './bench-parsing.js';

/**
 * `npm run bench`: figures, not pass/fail. Reply parsing and scoring in the domain, then inbound
 * SMS through the whole service (signed webhooks -> turns -> outbox -> real twilio SDK -> a local
 * fake Twilio) on a real MongoDB-compatible database. Loopback only; bounded in count and time.
 */
async function main(): Promise<void> {
  console.log(`promptly benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
  benchParsing();
  await benchChannel({ numbers: 20, messagesPerNumber: 10 });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
