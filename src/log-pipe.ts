import fs from 'node:fs';

/**
 * Where the logs go (stdout by default), written so that the log pipe can never hold the process
 * up. pino's own destination flushes synchronously at exit and retries a write that failed with
 * EPIPE or EAGAIN for ever, so a closed or stalled stdout hung shutdown past its forced exit.
 * Here every write is asynchronous (the main thread never waits for the pipe), nothing is written
 * at exit, a pipe that fails for any reason other than EAGAIN is dead (later lines are dropped),
 * and what waits for a pipe that is full is capped. `drained(ms)` lets the caller give the last
 * lines a bounded moment before process.exit().
 */
export class LogPipe {
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private writing = false;
  private dead = false;
  private readonly idle = new Set<() => void>();

  constructor(private readonly fd = 1, private readonly maxQueuedBytes = 4 * 1024 * 1024) {}

  write(line: string): boolean {
    if (this.dead) return true;
    const chunk = Buffer.from(line, 'utf8');
    // A reader that stopped reading must not grow the queue without end: the newest lines give way.
    if (this.queued + chunk.length > this.maxQueuedBytes) return true;
    this.queue.push(chunk);
    this.queued += chunk.length;
    this.pump();
    return true;
  }

  /** Resolves when everything written so far has gone to the pipe (or it died), or after `ms` at the latest. */
  drained(ms: number): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.idle.add(done);
    });
  }

  private isIdle(): boolean {
    return this.dead || (!this.writing && this.queue.length === 0);
  }

  private pump(): void {
    if (this.writing || this.dead) return;
    if (this.queue.length === 0) {
      for (const done of [...this.idle]) done();
      return;
    }
    const chunk = this.queue.length === 1 ? (this.queue[0] as Buffer) : Buffer.concat(this.queue);
    this.queue.length = 0;
    this.writing = true;
    fs.write(this.fd, chunk, 0, chunk.length, null, (error, written) => {
      this.writing = false;
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          // Full for now: try again shortly, without keeping the process alive for it.
          this.queue.unshift(chunk);
          setTimeout(() => this.pump(), 50).unref();
          return;
        }
        // EPIPE (the reader went away), EBADF...: nothing will ever be read from it again.
        this.dead = true;
        this.queue.length = 0;
        this.queued = 0;
        for (const done of [...this.idle]) done();
        return;
      }
      this.queued -= written;
      if (written < chunk.length) this.queue.unshift(chunk.subarray(written));
      this.pump();
    });
  }
}
