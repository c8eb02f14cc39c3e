import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__promptlyTestDatabase;
  if (!running) return;
  await running.db.stop();

  rmSync(running.dataDir, { recursive: true, force: true });
}
