import { createScheduler, type SchedulerHandle } from '../../src/adapters/agenda/create-scheduler.js';
import { createLogger } from '../../src/logger.js';
import { startService } from '../../src/main.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testConfig, testSchedulerOptions } from '../support/test-config.js';
import { waitFor } from '../support/test-clock.js';

describe('scheduler', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await openTestDatabase()));
  afterAll(async () => database.close());

  it('when a job is scheduled for now(), then it runs with its data and is recorded in agendaJobs', async () => {
    const scheduler: SchedulerHandle = createScheduler(database.db, createLogger('silent'), testSchedulerOptions);
    const ran = new Promise<unknown>((resolve) => {
      scheduler.agenda.define('say-hello', async (job) => resolve(job.attrs.data));
    });
    await scheduler.start();
    expect(scheduler.problem()).toBeNull();
    await scheduler.agenda.now('say-hello', { to: 'world' });
    await expect(ran).resolves.toEqual({ to: 'world' });
    await scheduler.drain(5000);
    expect(scheduler.problem()).toBe('scheduler is stopped');
    const stored = await database.db.collection('agendaJobs').findOne({ name: 'say-hello' });
    expect(stored?.lastFinishedAt).toBeInstanceOf(Date);
  });

  it('when the service stops while a job is running, then it waits for the job to finish before closing the database', async () => {
    const service = await startService(testConfig({ MONGODB_URI: database.uri }), createLogger('silent'), { scheduler: testSchedulerOptions });
    const events: string[] = [];
    let started!: () => void;
    let release!: () => void;
    const jobStarted = new Promise<void>((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    service.scheduler.agenda.define('slow-job', async () => {
      events.push('job started');
      started();
      await released;
      // The database must still be open at the end of a drained job, so its final write lands.
      await service.mongo.db.collection('jobOutcomes').insertOne({ job: 'slow-job', at: new Date() });
      events.push('job finished');
    });
    await service.scheduler.agenda.now('slow-job', {});
    await jobStarted;

    const stopStarted = Date.now();
    const stopping = service.stop(9000).then(() => events.push('stopped'));
    // Shutdown is under way (the port no longer answers) while the job still runs: only then does it finish.
    await waitFor(() => fetch(`http://127.0.0.1:${service.port}/healthz`).then(() => false, () => true), 5000, 'the server refusing requests');
    expect(events).toEqual(['job started']);
    release();
    await stopping;

    expect(events).toEqual(['job started', 'job finished', 'stopped']);
    expect(Date.now() - stopStarted).toBeLessThan(9000);
    expect(await database.db.collection('jobOutcomes').countDocuments({ job: 'slow-job' })).toBe(1);
    await expect(fetch(`http://127.0.0.1:${service.port}/healthz`)).rejects.toThrow();
  });
});
