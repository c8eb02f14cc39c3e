import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
// From scripts/database when run with tsx, or from dist/scripts/database when compiled.
const sourceDirs = [path.resolve(__dirname, '..', 'ferretdb'), path.resolve(__dirname, '..', '..', '..', 'scripts', 'ferretdb')];
const sourceFiles = ['main.go', 'go.mod', 'go.sum'];

/**
 * Path to the FerretDB binary, built from scripts/ferretdb with `go build` the first time (about two
 * minutes) and cached per user, keyed by a hash of its sources so a version bump rebuilds it.
 * The cache lives outside the checkout so every clone (and CI's fresh clone) shares it.
 */
export async function ferretdbBinary(log: (line: string) => void): Promise<string> {
  const source = sourceDirs.find((dir) => existsSync(path.join(dir, 'main.go')));
  if (!source) throw new Error(`FerretDB sources not found in ${sourceDirs.join(' or ')}`);
  const hash = createHash('sha256');
  for (const file of sourceFiles) hash.update(readFileSync(path.join(source, file)));
  const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'promptly');
  const binary = path.join(cacheDir, `ferretdb-sqlite-1.24.2-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(binary)) return binary;

  try {
    await run('go', ['version']);
  } catch {
    throw new Error('Go is not installed (needed once to build FerretDB): install Go 1.22+ or set MONGODB_URI');
  }
  mkdirSync(cacheDir, { recursive: true });
  log('database: building FerretDB from its Go module (first run only, about two minutes)...');
  // Build to a private name and rename, so two runs building at once never see half a binary.
  const partial = `${binary}.${process.pid}.partial`;
  try {
    await run('go', ['build', '-mod=mod', '-o', partial, '.'], { cwd: source, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`go build of FerretDB failed: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  renameSync(partial, binary);
  return binary;
}
