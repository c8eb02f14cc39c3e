import { createMongoDueWork } from '../../src/adapters/mongo/mongo-due-work.js';
import { createMongoMessageLog } from '../../src/adapters/mongo/mongo-message-log.js';
import { createMongoOperationsGauges } from '../../src/adapters/mongo/mongo-operations-gauges.js';
import type { OutboundMessage } from '../../src/app/ports/message-log.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const now = new Date('2026-12-01T11:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

function outbound(id: string, nextAttemptAt: Date): OutboundMessage {
  return { id, channel: 'sms', phoneHash: `hash-${id}`, phoneEnc: 'sealed', body: 'hello', purpose: 'notice', status: 'pending', attempts: 0, nextAttemptAt, createdAt: minutes(-30) };
}

describe('the outbox and due-work levels /metrics reads (issue 18 item 7)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('when texts wait in the outbox and due items have passed their instant, then the depth, the oldest wait and the backlog say so, within the cap', async () => {
    const gauges = createMongoOperationsGauges(database.db);
    expect(await gauges.read(now, 100)).toEqual({ outboxDepth: 0, oldestUnsentSeconds: 0, dueBacklog: 0 });

    const messages = createMongoMessageLog(database.db);
    // Due 5 and 2 minutes ago, and one deferred to working hours: all three unsent, the oldest due waited 300 s.
    await messages.insertOutboundMany([outbound('m1', minutes(-5)), outbound('m2', minutes(-2)), outbound('m3', minutes(120))]);
    const due = createMongoDueWork(database.db);
    await due.add([
      { id: 'd1', kind: 'timepoint:open', subject: 'a1', dueAt: minutes(-10), version: 1 },
      { id: 'd2', kind: 'timepoint:open', subject: 'a2', dueAt: minutes(-1), version: 1 },
      { id: 'd3', kind: 'timepoint:open', subject: 'a3', dueAt: minutes(60), version: 1 },
    ]);

    expect(await gauges.read(now, 100)).toEqual({ outboxDepth: 3, oldestUnsentSeconds: 300, dueBacklog: 2 });
    expect(await gauges.read(now, 2)).toMatchObject({ outboxDepth: 2, dueBacklog: 2 });
  });
});
