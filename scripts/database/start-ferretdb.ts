import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ferretdbBinary } from './ferretdb-binary';

export interface RunningFerretdb {
  uri: string;
  stop(): Promise<void>;
}

/** Starts FerretDB on a free loopback port with its SQLite files in dataDir; resolves once it accepts connections. */
export async function startFerretdb(options: { dataDir: string; log: (line: string) => void; port?: number }): Promise<RunningFerretdb> {
  const binary = await ferretdbBinary(options.log);
  mkdirSync(options.dataDir, { recursive: true });
  // A given port restarts a stopped server where its clients expect it (outage tests).
  const port = options.port ?? (await freePort());
  const logFile = openSync(path.join(options.dataDir, 'ferretdb.log'), 'a');
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-dir', options.dataDir], {
    stdio: ['ignore', logFile, logFile],
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited early (code ${code}, signal ${signal})`));
  child.once('error', (error) => (exited = error.message));

  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (exited) throw new Error(`FerretDB ${exited}; see ${path.join(options.dataDir, 'ferretdb.log')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('FerretDB did not accept connections within 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
