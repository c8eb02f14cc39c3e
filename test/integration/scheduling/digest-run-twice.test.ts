import { createMongoDigestLog } from '../../../src/adapters/mongo/mongo-digest-log.js';
import { sendDailyDigests, type DigestDeps } from '../../../src/app/scheduling/send-daily-digests.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

/**
 * The digest job may run twice (two processes, or again after a crash): what it remembers as told
 * must be what was sent. Driven through the use case itself, on the real database and outbox.
 */
describe('a digest run twice', () => {
  let h: ConversationHarness;
  let deps: DigestDeps;
  const alex = '+447700900491';
  const digestsTo = (phone: string) => h.inbox(phone).filter((text) => text.startsWith('Hi '));

  beforeAll(async () => {
    h = await startConversationHarness();
    // The test runs the job itself: the scheduler's own run is taken out of the way.
    await h.service.jobs.cancel('digest:daily', 'all');
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['1w'], window: '3d', isDefault: true });
    h.clock.setTo(new Date('2026-12-01T11:00:00Z'));
    await h.text(alex, 'ENROL 07700 900492');
    await h.text('+447700900492', 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text('+447700900492', answer);
    deps = { ...h.service.messaging.cases, reports: h.service.messaging.reports, digests: createMongoDigestLog(h.database.db), numbers: h.service.messaging.numbers };
  });
  afterAll(async () => h.close());

  it('when two runs start at once on the same morning, then one digest goes and the next morning repeats nothing', async () => {
    h.clock.setTo(new Date('2026-12-02T09:30:00Z'));
    await Promise.all([sendDailyDigests(deps), sendDailyDigests(deps)]);
    expect(digestsTo(alex)).toEqual(['Hi Alex, your Test Community Trust update.\nDue in the next 7 days: SU-0001 Tue 8 Dec.\nText STATUS for your full list.']);
    expect(await h.database.db.collection('digests').countDocuments()).toBe(1);
    h.clock.setTo(new Date('2026-12-03T09:30:00Z'));
    expect(await sendDailyDigests(deps)).toMatchObject({ note: '0 digests' });
    expect(digestsTo(alex)).toHaveLength(1);
  });

  it('when a run decided a day\'s digest and stopped before sending it, then the next run sends that same text, once', async () => {
    const worker = await h.registerStaff(alex);
    await deps.digests.record({ id: `digest:2026-12-04:${worker.id}`, workerId: worker.id, date: '2026-12-04', text: 'Hi Alex, as decided.', said: [], at: new Date() });
    h.clock.setTo(new Date('2026-12-04T09:30:00Z'));
    await sendDailyDigests(deps);
    await sendDailyDigests(deps);
    expect(digestsTo(alex).slice(1)).toEqual(['Hi Alex, as decided.']);
  });
});
