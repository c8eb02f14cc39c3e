import { createMongoPrivacyStore } from '../../../src/adapters/mongo/mongo-privacy-store.js';
import { runRetention, type RetentionReport } from '../../../src/app/privacy/run-retention.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { findEverywhere } from './privacy-fixture.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';
import { travelTo } from '../../support/time-travel.js';

/**
 * Retention on the service's controlled clock, from Tuesday 1 December 2026: Ann answers her
 * baseline and chats (her enrolment stays live); Ben's enrolment is withdrawn the same day; a
 * stranger texts once.
 */
describe('retention: old texts blanked, long-closed people erased, strangers forgotten', () => {
  let h: ConversationHarness;
  const alex = '+447700900761';
  const ann = '+447700900601';
  const stranger = '+447700900699';
  const annSays = 'my week has been long but better than the last';
  const days = (n: number) => new Date(Date.parse('2026-12-01T11:00:00Z') + n * 86_400_000);
  const collections = ['messages', 'messageArchive', 'assessments', 'serviceUsers', 'enrolments', 'strangerReplies', 'contacts', 'dueItems'];
  const snapshot = async () => Promise.all(collections.map((name) => h.database.db.collection(name).find({}).sort({ _id: 1 }).toArray()));
  // The clock is moved, and what falls due by then has run, before the run (and a dry run's snapshot).
  const retention = async (at: Date, dryRun = false): Promise<RetentionReport> => {
    await travelTo(h, at.toISOString());
    const { cases } = h.service.messaging;
    return runRetention({ ...cases, privacy: createMongoPrivacyStore(h.database.db) }, { messageDays: 90, closedMonths: 24 }, { dryRun, batchSize: 3 });
  };

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Check-in', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await h.text(alex, 'ENROL 07700 900601');
    await h.text(ann, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(ann, answer);
    await h.text(ann, annSays);
    await h.text(alex, 'ENROL 07700 900602');
    await h.text(alex, 'WITHDRAW SU-0002');
    await h.text(stranger, 'who is this?', {});
    await h.settled();
    expect(await h.database.db.collection('strangerReplies').countDocuments()).toBe(1);
  });
  afterAll(async () => h.close());

  it('when it is a dry run after 2 days, then it says the stranger marker would go and changes nothing', async () => {
    await travelTo(h, days(2.1).toISOString());
    const before = await snapshot();
    const report = await retention(days(2.1), true);
    expect(report).toMatchObject({ dryRun: true, messages: { blanked: 0 }, closedEnrolments: { erased: [] }, strangerMarkers: { deleted: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it('when 89 days have passed, then no text is blanked but the stranger marker goes', async () => {
    const report = await retention(days(89));
    expect(report).toMatchObject({ messages: { blanked: 0 }, closedEnrolments: { erased: [] }, strangerMarkers: { deleted: 1 } });
    expect(await h.database.db.collection('strangerReplies').countDocuments()).toBe(0);
    expect(await findEverywhere(h.database.db, [annSays])).toHaveLength(1);
  });

  it('when 91 days have passed, then every text in and out is blanked in batches, while answers and scores stay', async () => {
    const stored = await h.database.db.collection('messages').countDocuments({ body: { $exists: true } });
    expect(stored).toBeGreaterThan(6);
    const texts = (await h.database.db.collection('messages').find({ body: { $exists: true } }).toArray()).flatMap((m) => (String(m.body).length >= 12 ? [String(m.body)] : []));
    const dry = await retention(days(91), true);
    expect(dry.messages).toMatchObject({ blanked: stored, turns: 1 });
    const report = await retention(days(91));
    expect(report.messages).toMatchObject({ blanked: stored, turns: 1 });
    expect(await h.database.db.collection('messages').countDocuments({ body: { $exists: true } })).toBe(0);
    // Every text, in or out, wherever it was held (the messages, the numbers' records' last turns).
    expect(await findEverywhere(h.database.db, [annSays, ...texts])).toEqual([]);
    const baseline = await h.database.db.collection('assessments').findOne({ timepointId: 'baseline', status: 'completed' });
    expect(Object.values(baseline?.answers as Record<string, { raw: string; value: number }>).map((a) => [a.raw, a.value])).toEqual([['7', 7], ['8', 8], ['6', 6], ['3', 3]]);
    expect(baseline?.score).toMatchObject({ scorable: true });
    // Again: nothing left to do.
    expect((await retention(days(91))).messages).toMatchObject({ blanked: 0, turns: 0 });
  });

  it('when Ben\'s enrolment has been closed for 23 months, then he is kept; after 24 months he is erased, Ann (still enrolled) is not, and a second run erases nobody', async () => {
    expect((await retention(new Date('2028-11-01T11:00:00Z'))).closedEnrolments.erased).toEqual([]);
    const dry = await retention(new Date('2028-12-02T11:00:00Z'), true);
    expect(dry.closedEnrolments.erased).toEqual(['SU-0002']);
    expect(await h.database.db.collection('serviceUsers').findOne({ reference: 'SU-0002' })).not.toHaveProperty('erasedAt');
    const report = await retention(new Date('2028-12-02T11:00:00Z'));
    expect(report.closedEnrolments.erased).toEqual(['SU-0002']);
    const people = await h.database.db.collection('serviceUsers').find({}).sort({ reference: 1 }).toArray();
    expect(people.map((p) => [p.reference, Boolean(p.erasedAt), Boolean(p.phoneEnc)])).toEqual([['SU-0001', false, true], ['SU-0002', true, false]]);
    expect(await (await sealedAuditLog(h.database.db)).findOne({ action: 'person.erased' })).toMatchObject({ actor: 'retention', subject: 'SU-0002' });
    expect((await retention(new Date('2028-12-03T11:00:00Z'))).closedEnrolments.erased).toEqual([]);
  });

  it('when the daily Agenda job runs, then it does the same on the service\'s clock (a new stranger marker three days old goes)', async () => {
    await h.text('+447700900698', 'anyone?');
    expect(await h.database.db.collection('strangerReplies').countDocuments()).toBe(1);
    h.clock.advance(3 * 86_400_000);
    await h.service.scheduler.agenda.now('retention:daily', {});
    await waitFor(async () => (await h.database.db.collection('strangerReplies').countDocuments()) === 0, 10_000, 'the retention job');
  });
});
