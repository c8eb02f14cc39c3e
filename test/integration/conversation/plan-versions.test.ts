import { editProgramme } from '../../../src/app/admin/edit-programme.js';
import { retireProgramme } from '../../../src/app/admin/retire-programme.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { waitFor } from '../../support/test-clock.js';
import { travelTo } from '../../support/time-travel.js';

describe('a programme edited while people are enrolled on it', () => {
  let h: ConversationHarness;
  const alex = '+447700900771';
  const ash = '+447700900781';
  const bo = '+447700900782';
  const cy = '+447700900783';
  const deps = () => ({ ...h.service.messaging.cases, measures: h.service.messaging.cases.measures });
  const record = async (reference: string) => {
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/service-users/${reference}`, { headers: { authorization: `Bearer ${h.adminToken}` } });
    return (await response.json()) as { enrolments: Array<{ planVersion: number; plan: { measures: string[] } }> };
  };

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await h.addProgramme({ name: 'Drop in', measureId: 'ons4', followUps: ['4w'] });
    await h.text(alex, 'ENROL 07700 900781');
    await h.text(ash, 'yes');
    for (const answer of ['7', '8', '6', '3']) await h.text(ash, answer);
  });
  afterAll(async () => h.close());

  it('when the programme is edited to ask ONS4 and the coping questions, then the next person enrolled is asked 9 questions on plan version 2', async () => {
    const edited = await editProgramme(deps(), 'wellbeing', { measures: ['ons4', 'coping-and-support'] }, 'admin-api');
    expect(edited).toMatchObject({ ok: true, value: { planVersion: 2 } });
    await h.text(alex, 'ENROL 07700 900782');
    await h.text(bo, 'yes');
    expect(h.inbox(bo).at(-1)).toMatch(/^Q1\/9 /);
    expect(await h.database.db.collection('enrolments').findOne({ reference: 'SU-0002' })).toMatchObject({ planVersion: 2 });
  });

  it('when the person enrolled before the edit reaches the follow-up, then they are asked the 4 questions of the version they started on', async () => {
    const before = h.inbox(ash).length;
    await travelTo(h, '2027-01-12T10:00:05Z');
    await waitFor(() => h.inbox(ash).length >= before + 2, 5000, 'invitation');
    expect(h.inbox(ash).slice(before, before + 2)).toEqual([expect.stringContaining('check-in, 4 quick questions'), expect.stringMatching(/^Q1\/4 /)]);
    expect(await h.database.db.collection('assessments').findOne({ enrolmentId: (await h.database.db.collection('enrolments').findOne({ reference: 'SU-0001' }))?._id, timepointId: '6w' }))
      .toMatchObject({ measureId: 'ons4' });
  });

  it('when staff read the two records, then each shows the plan version it is asked by', async () => {
    expect((await record('SU-0001')).enrolments[0]).toMatchObject({ planVersion: 1, plan: { measures: ['ons4'] } });
    expect((await record('SU-0002')).enrolments[0]).toMatchObject({ planVersion: 2, plan: { measures: ['ons4', 'coping-and-support'] } });
  });

  it('when a programme is retired, then ENROL on it says it is retired and names the default', async () => {
    expect(await retireProgramme(deps(), 'drop in', 'admin-api')).toMatchObject({ ok: true });
    await h.text(alex, 'ENROL 07700 900783 drop-in');
    expect(h.inbox(alex).at(-1)).toBe('Drop in is retired and takes no new enrolments. The default programme is Wellbeing: text ENROL and the number to use it.');
    expect(h.inbox(cy)).toEqual([]);
  });
});
