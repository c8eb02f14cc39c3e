import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/main.js';
import { hostOf, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { openTestDatabase, withDatabaseName, type TestDatabase } from '../support/test-database.js';
import { testConfig, testSchedulerOptions } from '../support/test-config.js';
import { waitFor } from '../support/test-clock.js';

describe('health endpoints', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let service: RunningService;
  let base: string;
  interface LogLine { msg: string; problems: Record<string, string> }
  const logLines: LogLine[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    // The service reaches the database through a proxy the test can cut, whatever server MONGODB_URI names.
    proxy = await startTcpProxy(hostOf(database.uri));
    const uri = withDatabaseName(`mongodb://127.0.0.1:${proxy.port}/`, database.db.databaseName);
    const logger = createLogger('warn', { write: (line: string) => void logLines.push(JSON.parse(line) as LogLine) });
    service = await startService(testConfig({ MONGODB_URI: uri }), logger, { scheduler: testSchedulerOptions });
    base = `http://127.0.0.1:${service.port}`;
  });

  afterAll(async () => {
    await service.stop(5000).catch(() => {});
    await proxy.close();
    await database.close();
  });

  it('when the process is up, then /healthz answers 200', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('when the database and scheduler are up, then /readyz answers 200', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('when start-up ran, then the indexes exist in the database', async () => {
    const indexes = await database.db.collection('serviceUsers').indexes();
    expect(indexes.map((index) => index.name)).toEqual(expect.arrayContaining(['phoneHash_unique', 'reference_unique']));
  });

  it('when a path is unknown, then it answers 404 in JSON', async () => {
    const response = await fetch(`${base}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found' });
  });

  it('when the database goes away, then /readyz answers 503 saying only that the database is unavailable, logs the detail, and /healthz stays 200', async () => {
    await proxy.cut();
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not ready', problems: { database: 'unavailable' } });
    const logged = await waitFor(() => logLines.find((line) => line.msg === 'not ready'), 5000, 'the detail logged');
    expect(logged.problems.database).toMatch(/^database (ping failed|did not answer)/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
