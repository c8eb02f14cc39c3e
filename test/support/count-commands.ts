import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';

/** What one operation cost in database commands. */
export interface CommandCount {
  total: number;
  /** "collection command" -> how many, e.g. "messages find": 3; commands on no collection count under "(db)". */
  breakdown: Record<string, number>;
  /** Every command in the order it started, e.g. "messages find {direction,phoneHash,status}" (the fields it filters on, not their values). */
  trace: string[];
  /** The same commands with how long each took, for finding the slow ones. */
  commands: CountedCommand[];
}

export interface CountedCommand {
  /** As in the trace: collection, command and the fields it filters on. */
  what: string;
  durationMs: number;
}

export interface CommandCounter {
  /**
   * Waits until the client is quiet, then counts every command it starts while `operation` runs
   * and until it is quiet again, so the tail of the operation (work it left running after its
   * promise settled, such as a turn started by a webhook already answered) is counted too.
   */
  count(operation: () => Promise<void>): Promise<CommandCount>;
  /** Resolves once no command is in flight and none has started for the settle window. */
  quiet(): Promise<void>;
  /** Stops listening to the client. */
  close(): void;
}

/**
 * Counts the commands a MongoClient sends, from the driver's command monitoring (the client must
 * have been created with `monitorCommands: true`). A count, unlike a timing, does not depend on
 * machine noise, so a test may assert it. Only this client's events are seen: whatever a test or
 * benchmark reads through a client of its own to check progress is not counted.
 *
 * "Quiet" means nothing in flight and no command for `settleMs`: long enough to cover the gaps
 * inside one operation (CPU work, a call to the fake Twilio), which are a few milliseconds.
 * Background work that never pauses for that long (a scheduler polling often) makes `quiet` fail
 * after `timeoutMs` rather than leak into a count.
 */
export function countCommands(client: MongoClient, options: { settleMs?: number; timeoutMs?: number } = {}): CommandCounter {
  const settleMs = options.settleMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const inFlight = new Map<number, CountedCommand | undefined>();
  let lastActivity = performance.now();
  let recording: CommandCount | undefined;

  const started = (event: CommandStartedEvent) => {
    lastActivity = performance.now();
    if (!recording) {
      inFlight.set(event.requestId, undefined);
      return;
    }
    const key = `${collectionOf(event)} ${event.commandName}`;
    const what = `${key} ${shapeOf(event)}`.trimEnd();
    const command: CountedCommand = { what, durationMs: 0 };
    inFlight.set(event.requestId, command);
    recording.total++;
    recording.breakdown[key] = (recording.breakdown[key] ?? 0) + 1;
    recording.trace.push(what);
    recording.commands.push(command);
  };
  const ended = (event: CommandSucceededEvent | CommandFailedEvent) => {
    const command = inFlight.get(event.requestId);
    if (command) command.durationMs = event.duration;
    inFlight.delete(event.requestId);
    lastActivity = performance.now();
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', ended);
  client.on('commandFailed', ended);

  const quiet = async () => {
    const deadline = performance.now() + timeoutMs;
    while (inFlight.size > 0 || performance.now() - lastActivity < settleMs) {
      if (performance.now() > deadline) throw new Error(`the database client was not quiet for ${settleMs} ms within ${timeoutMs} ms: something runs in the background`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  return {
    quiet,
    async count(operation) {
      if (recording) throw new Error('countCommands: one count at a time');
      await quiet();
      const count: CommandCount = { total: 0, breakdown: {}, trace: [], commands: [] };
      recording = count;
      try {
        await operation();
        await quiet();
      } finally {
        recording = undefined;
      }
      return count;
    },
    close() {
      client.off('commandStarted', started);
      client.off('commandSucceeded', ended);
      client.off('commandFailed', ended);
    },
  };
}

/** The collection a command works on: its first field's value (find: "messages"), or getMore's `collection`. */
function collectionOf(event: CommandStartedEvent): string {
  const command = event.command as Record<string, unknown>;
  const target = event.commandName === 'getMore' ? command.collection : command[event.commandName];
  return typeof target === 'string' ? target : '(db)';
}

/** The fields a command filters on (not their values: those hold hashes and ids), to tell repeated reads apart. */
function shapeOf(event: CommandStartedEvent): string {
  const command = event.command as Record<string, unknown>;
  const first = <T>(list: unknown): T | undefined => (Array.isArray(list) ? (list[0] as T) : undefined);
  const filter = (() => {
    switch (event.commandName) {
      case 'find':
      case 'count':
        return command.filter ?? command.query;
      case 'distinct':
        return command.query;
      case 'findAndModify':
        return command.query;
      case 'update':
        return first<{ q?: unknown }>(command.updates)?.q;
      case 'delete':
        return first<{ q?: unknown }>(command.deletes)?.q;
      case 'aggregate':
        return first<Record<string, unknown>>(command.pipeline)?.$match;
      default:
        return undefined;
    }
  })();
  const keys = filter && typeof filter === 'object' ? Object.keys(filter) : [];
  const batch = event.commandName === 'insert' && Array.isArray(command.documents) && command.documents.length > 1 ? ` x${command.documents.length}` : '';
  return keys.length > 0 ? `{${keys.join(',')}}${batch}` : batch.trim();
}
