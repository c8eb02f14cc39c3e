import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SpooledWebhook, WebhookSpool } from '../../app/ports/webhook-spool.js';
import { createSealer } from '../crypto/sealer.js';

/**
 * Webhooks that could not be recorded (the database down or hung) kept on local disk until it is
 * back, as RapidPro's courier does: one JSON line per webhook, each sealed with a subkey of
 * APP_ENCRYPTION_KEY (they hold phone numbers and message texts) and fsynced before Twilio is
 * answered. Each run of a process writes segments named `spool-<start>-<pid>-<run>-<n>.jsonl`;
 * replay takes this run's closed segments and those of runs no longer going (another pid that is
 * not running, or this pid under another run id: a restarted container is pid 1 again), oldest
 * first, and deletes a segment only once every line in it has been handled.
 */
export function createFileSpool(options: { dir: string; key: Buffer; pid?: number; isRunning?: (pid: number) => boolean }): WebhookSpool {
  const { dir } = options;
  const pid = options.pid ?? process.pid;
  const isRunning = options.isRunning ?? processIsRunning;
  const sealer = createSealer(options.key, 'promptly webhook spool v1', 'spooled webhook');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const run = randomBytes(6).toString('hex');
  const started = String(Date.now()).padStart(15, '0');
  let segment = 0;
  let appended = 0;
  // Left by an earlier run of this or another process: replayed before anything new.
  let waiting = segments(dir).length > 0;
  let writing: Promise<unknown> = Promise.resolve();

  const current = () => path.join(dir, `spool-${started}-${pid}-${run}-${String(segment).padStart(6, '0')}.jsonl`);
  const replayable = (file: SpoolFile) => (file.run === run ? file.segment < segment : file.pid === pid || !isRunning(file.pid));

  return {
    async append(entry) {
      const line = `${sealer.seal(JSON.stringify(entry))}\n`;
      // One append at a time, so lines never interleave and the file's order is arrival order.
      const write = writing.then(async () => {
        const handle = await open(current(), 'a', 0o600);
        try {
          await handle.appendFile(line);
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
      writing = write.catch(() => {});
      await write;
      appended++;
      waiting = true;
    },
    isEmpty: () => !waiting,
    async replay(handle) {
      await writing;
      // New arrivals go to a fresh segment while the closed ones are worked through.
      if (appended > 0) {
        segment++;
        appended = 0;
      }
      let replayed = 0;
      for (const file of segments(dir)) {
        if (!replayable(file)) continue;
        const lines = (await readFile(path.join(dir, file.name), 'utf8')).split('\n').filter((line) => line !== '');
        for (const line of lines) {
          await handle(JSON.parse(sealer.open(line)) as SpooledWebhook);
          replayed++;
        }
        await unlink(path.join(dir, file.name));
      }
      waiting = appended > 0 || segments(dir).length > 0;
      return { replayed };
    },
  };
}

interface SpoolFile {
  name: string;
  started: string;
  pid: number;
  run: string;
  segment: number;
}

function segments(dir: string): SpoolFile[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: /^spool-(\d+)-(\d+)-([0-9a-f]+)-(\d+)\.jsonl$/.exec(name) }))
    .filter((file): file is { name: string; match: RegExpExecArray } => file.match !== null)
    .map(({ name, match }) => ({ name, started: match[1] ?? '', pid: Number(match[2]), run: match[3] ?? '', segment: Number(match[4]) }))
    .sort((a, b) => a.started.localeCompare(b.started) || a.run.localeCompare(b.run) || a.segment - b.segment);
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
