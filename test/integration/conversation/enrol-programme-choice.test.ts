import { retireProgramme } from '../../../src/app/admin/retire-programme.js';
import { serviceUserRecord } from '../../../src/app/cases/service-user-record.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

/** Issue 12 item 13: the programme named after ENROL's number, by text and by the API. */
describe('choosing the programme when enrolling', () => {
  let h: ConversationHarness;
  const alex = '+447700900411';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.addProgramme({ name: 'Wellbeing check', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await h.addProgramme({ name: 'Anxiety Group', measureId: 'gad7', followUps: ['4w'] });
  });
  afterAll(async () => h.close());

  const enrolled = async (reference: string) => {
    const record = await serviceUserRecord(h.service.messaging.cases, reference);
    return { label: record?.label, programme: record?.enrolments.at(-1)?.programme };
  };

  it('when a worker names a programme by its first word and adds a name, then it is that programme and the name is the label', async () => {
    await h.text(alex, 'ENROL 07700 900124 wellbeing Priya');
    expect(h.inbox(alex).at(-1)).toBe('Enrolled SU-0001 on Wellbeing check. We have asked them for consent and will tell you when they reply.');
    expect(await enrolled('SU-0001')).toEqual({ label: 'Priya', programme: 'Wellbeing check' });
  });

  it('when the programme that is not the default is named with a slip, then it is still that programme', async () => {
    await h.text(alex, 'ENROL 07700 900125 anxiety grup Sam');
    expect(h.inbox(alex).at(-1)).toMatch(/^Enrolled SU-0002 on Anxiety Group\./);
    expect(await enrolled('SU-0002')).toEqual({ label: 'Sam', programme: 'Anxiety Group' });
  });

  it('when the words after the number name no programme, then they are the label on the default programme', async () => {
    await h.text(alex, 'ENROL 07700 900126 Priya Shah');
    expect(h.inbox(alex).at(-1)).toMatch(/^Enrolled SU-0003 on Wellbeing check\./);
    expect(await enrolled('SU-0003')).toEqual({ label: 'Priya Shah', programme: 'Wellbeing check' });
  });

  it('when the first word is close to a programme without being sure, then the worker is asked with the list and nobody is enrolled', async () => {
    const before = await h.database.db.collection('enrolments').countDocuments();
    await h.text(alex, 'ENROL 07700 900127 anxty Sam');
    expect(h.inbox(alex).at(-1)).toBe('Which programme did you mean: anxiety-group? Text ENROL, the number, then the programme.\nProgrammes: wellbeing-check, anxiety-group');
    expect(await h.database.db.collection('enrolments').countDocuments()).toBe(before);
    expect(h.inbox('+447700900127')).toEqual([]);
  });

  it('when a worker asks for the commands, then the programmes\' short names are listed', async () => {
    await h.text(alex, 'commands');
    expect(h.inbox(alex).at(-1)).toMatch(/\nProgrammes: wellbeing-check, anxiety-group$/);
  });

  it('when the API is given a programme that does not exist, then it answers 400 with the programmes and enrols nobody', async () => {
    const post = (body: Record<string, unknown>) =>
      fetch(`http://127.0.0.1:${h.service.port}/api/enrolments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${h.adminToken}` },
        body: JSON.stringify({ phone: '07700 900128', workerId: worker.id, ...body }),
      });
    const worker = await h.registerStaff(alex);
    const before = await h.database.db.collection('enrolments').countDocuments();
    const refused = await post({ programme: 'nonexistent' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: 'invalid enrolment',
      problems: ['programme: There is no programme called "nonexistent". Programmes: wellbeing-check, anxiety-group'],
    });
    expect(await h.database.db.collection('enrolments').countDocuments()).toBe(before);

    const accepted = await post({ programme: 'anxiety', label: 'Kim' });
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ reference: 'SU-0004', programme: 'anxiety-group' });
  });

  it('when a programme is retired, then the commands no longer list it', async () => {
    const { programmes, audit, clock } = h.service.messaging.cases;
    await h.addProgramme({ name: 'Walk', measureId: 'ons4', followUps: ['6w'] });
    await h.text(alex, 'commands');
    expect(h.inbox(alex).at(-1)).toMatch(/\nProgrammes: wellbeing-check, anxiety-group, walk$/);
    expect(await retireProgramme({ programmes, audit, clock }, 'walk', 'test')).toMatchObject({ ok: true });
    await h.text(alex, 'commands');
    expect(h.inbox(alex).at(-1)).toMatch(/\nProgrammes: wellbeing-check, anxiety-group$/);
  });
});
