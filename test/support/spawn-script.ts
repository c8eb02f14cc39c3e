import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '..', '..');
// An absolute loader URL: `--import tsx` would be looked up from the working directory.
const tsxLoader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;

export interface ScriptExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface ScriptProcess {
  child: ChildProcess;
  exited: Promise<ScriptExit>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match in stdout; rejects if the process exits first or ms pass. */
  waitForOutput(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

/**
 * The environment of a process a test starts: PATH and HOME (the FerretDB build cache), what the
 * test gives, and no .env file unless the test names one (PROMPTLY_ENV_FILE, or undefined to let
 * the process read the .env in its working directory). A developer's .env, in the repository or
 * anywhere else, never reaches a test's process.
 */
export function isolatedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
    PROMPTLY_ENV_FILE: 'none',
    ...env,
  };
}

/**
 * Runs one of the repository's TypeScript entry points (`src/main.ts`, `scripts/cli.ts`, ...) as
 * its own Node process through tsx, as `npm start`, `npm run cli` and `npm run demo` would, in
 * `cwd` (default: a new empty temporary folder, so nothing in the working tree is read).
 */
export function spawnScript(script: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): ScriptProcess {
  const started = Date.now();
  const cwd = options.cwd ?? mkdtempSync(path.join(os.tmpdir(), 'promptly-cwd-'));
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, script), ...args], {
    cwd,
    env: isolatedEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<ScriptExit>((resolve) =>
    // 'close', not 'exit': every byte of output has been read by then.
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started })));
  return {
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput: (pattern, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = stdout.match(pattern);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} in the output within ${ms} ms:\n${stdout}\n${stderr}`));
        }, ms);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((result) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`the process exited (${result.code}) before printing ${pattern}:\n${stdout}\n${stderr}`));
        });
        check();
      }),
  };
}
