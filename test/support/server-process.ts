import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isolatedEnv } from './spawn-script.js';

const root = path.resolve(__dirname, '..', '..');

/**
 * Compiles the server as `npm run build` does, into a folder of its own inside the repository (so
 * node_modules resolve), and returns the path of its main.js. Process-level tests run that file,
 * as production does, rather than the TypeScript through a loader.
 */
export function compileServer(): { main: string; remove(): void } {
  // To run the same process-level tests against another build (an earlier commit, for comparison).
  if (process.env.PROMPTLY_TEST_SERVER_MAIN) return { main: process.env.PROMPTLY_TEST_SERVER_MAIN, remove: () => {} };
  const outDir = path.join(root, '.test-build', `${process.pid}-${Date.now()}`);
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root, stdio: 'pipe' });
  cpSync(path.join(root, 'src/domain/measures/definitions'), path.join(outDir, 'src/domain/measures/definitions'), { recursive: true });
  return { main: path.join(outDir, 'src', 'main.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Every JSON log line so far. */
  logs(): Array<{ level: number; msg: string; [key: string]: unknown }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ready(timeoutMs?: number): Promise<void>;
}

/** Starts main.js with exactly this environment: no .env is read (isolatedEnv), wherever it runs. */
export function startServerProcess(main: string, env: NodeJS.ProcessEnv, port: number): ServerProcess {
  const cwd = path.dirname(path.dirname(main));
  const child = spawn(process.execPath, [main], { cwd, env: isolatedEnv({ ...env, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    port,
    exited,
    logs: () => stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)),
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stdout.slice(-2000)}`);
        const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (response?.status === 200) return;
        if (Date.now() > deadline) throw new Error(`the server was not ready within ${timeoutMs} ms: ${stdout.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
