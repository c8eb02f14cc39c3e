import { formatWeeklySummarySms } from '../../../src/domain/analytics/format-weekly-summary-sms.js';
import type { WeeklySummary } from '../../../src/domain/analytics/weekly-summary.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';

/**
 * Issue 12 item 15. Tuesday 1 December 2026: Robin's baseline; the 1-week follow-up falls due on
 * Tuesday 8 December, its window closes two days later and it lapses unanswered. STATUS on Friday
 * 11 December, in the ISO week that began on Monday 7 December (2026-W50).
 */
describe('STATUS and REPORT', () => {
  let h: ConversationHarness;
  const alex = '+447700900511';
  const bea = '+447700900512';
  const maya = '+447700900513';
  const robin = '+447700900521';
  const day = (at: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/London' }).format(at);
  const last = (phone: string) => h.inbox(phone).at(-1) ?? '';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex Morgan');
    await h.registerStaff(bea, 'worker', 'Bea Jones');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['1w', '2w'], window: '2d', isDefault: true });
    await h.text(alex, 'ENROL 07700 900521');
    await h.text(robin, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(robin, answer);
    // The follow-up opens and lapses on the real scheduler: wait for each.
    for (const [at, status] of [['2026-12-08T10:00:00Z', 'open'], ['2026-12-11T10:00:00Z', 'lapsed']] as const) {
      h.clock.setTo(new Date(at));
      await h.service.jobs.realign();
      await waitFor(async () => (await h.database.db.collection('assessments').findOne({ timepointId: '1w', status })) !== null, 10_000, `the 1w timepoint ${status}`);
    }
    await h.text(alex, 'ENROL 07700 900522');
    await h.text(bea, 'ENROL 07700 900523');
    const sam = await h.database.db.collection<{ _id: string; serviceUserId: string; reference: string; workerId: string }>('enrolments').findOne({ reference: 'SU-0003' });
    if (!sam) throw new Error('SU-0003 was not enrolled');
    await h.service.messaging.cases.cases.openAlert({
      id: 'alert-1', enrolmentId: sam._id, serviceUserId: sam.serviceUserId, reference: sam.reference, workerId: sam.workerId,
      assessmentId: 'a', itemId: 'i', openedAt: new Date('2026-12-11T09:00:00Z'),
    });
  });
  afterAll(async () => h.close());

  it('when a follow-up has lapsed, then the worker\'s STATUS says so, with the next due date, rather than "active"', async () => {
    const [lapsed, next] = await Promise.all(['1w', '2w'].map((timepointId) => h.database.db.collection<{ closesAt: Date; dueAt: Date }>('assessments').findOne({ timepointId })));
    await h.text(alex, 'STATUS');
    expect(last(alex)).toBe(`Your people (2):\nSU-0001: 1w lapsed ${day(lapsed?.closesAt as Date)}, 2w due ${day(next?.dueAt as Date)}\nSU-0002: waiting for consent`);
  });

  it('when a manager texts STATUS, then they get each worker\'s week by reference, those with alerts first, within two segments', async () => {
    await h.text(maya, 'STATUS');
    const overview = last(maya);
    expect(overview).toBe(
      'This week (from 7 Dec):\n' +
        'Bea Jones: 1 person, 0 due, 0 lapsed, alert SU-0003\n' +
        'Alex Morgan: 2 people, 1 due, 1 lapsed\n' +
        "Text REPORT for the week's figures.",
    );
    expect(countSmsSegments(overview)).toMatchObject({ encoding: 'GSM-7' });
    expect(countSmsSegments(overview).segments).toBeLessThanOrEqual(2);
  });

  it('when a manager texts REPORT, then they get this week\'s figures, the same as GET /api/reports/weekly', async () => {
    const token = await h.service.messaging.apiTokens.issue((await h.registerStaff(maya)).id, new Date());
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/reports/weekly?week=2026-W50`, { headers: { authorization: `Bearer ${token}` } });
    const { summary } = (await response.json()) as { summary: WeeklySummary };
    expect(summary).toMatchObject({ followUpsDue: 1, followUpsCompleted: 0, lapses: 1, openAlerts: 1 });
    await h.text(maya, 'REPORT');
    const report = last(maya);
    expect(report).toBe(formatWeeklySummarySms(summary, { orgName: 'Test Community Trust', dashboardUrl: '', weekLabel: 'w/c 7 Dec (so far)' }));
    expect(report).toContain('Follow-ups: 0 of 1 done (0%)');
    expect(countSmsSegments(report).segments).toBeLessThanOrEqual(2);
    await h.text(maya, 'report last week');
    expect(last(maya)).toMatch(/^Test Community Trust summary, w\/c 30 Nov\n/);
  });

  it('when a worker texts REPORT, then they are told it is for managers', async () => {
    await h.text(alex, 'REPORT');
    expect(last(alex)).toBe('REPORT is for managers. Text STATUS to see your people.');
  });
});
