import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';

describe('enrolment rules and worker commands', () => {
  let h: ConversationHarness;
  const alex = '+447700900911';
  const bea = '+447700900912';
  const maya = '+447700900913';
  const jo = '+447700900921';
  const lee = '+447700900922';
  const stranger = '+447700900999';

  beforeAll(async () => {
    h = await startConversationHarness();
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(bea, 'worker', 'Bea');
    await h.addProgramme({ name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], discharge: '0d', isDefault: true });
    await h.addProgramme({ name: 'Anxiety Group', measureId: 'gad7', followUps: ['4w', '8w'] });
  });
  afterAll(async () => h.close());

  it('when two workers enrol the same number, then the second is told only that it cannot be enrolled and that a manager can help', async () => {
    await h.text(alex, 'ENROL 07700 900921');
    await h.text(bea, 'enrol +44 (0)7700 900921');
    expect(h.inbox(bea).at(-1)).toBe('That number cannot be enrolled. A manager can help with this.');
    expect(await h.database.db.collection('enrolments').countDocuments()).toBe(1);
    expect(h.inbox(jo)).toHaveLength(1);
  });

  it('when a worker enrols their own person again, then they are told the person is already on their caseload', async () => {
    await h.text(alex, 'ENROL 07700900921');
    expect(h.inbox(alex).at(-1)).toBe('SU-0001 is already on your caseload (pending consent).');
  });

  it('when a manager enrols a number a worker holds, then they are told who holds it', async () => {
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.text(maya, 'ENROL 07700 900921');
    expect(h.inbox(maya).at(-1)).toBe('SU-0001 is already enrolled with Alex (pending consent).');
    expect(await h.database.db.collection('enrolments').countDocuments()).toBe(1);
  });

  it('when a worker names someone else\'s reference or one that does not exist, then both get the same answer', async () => {
    const answers: string[] = [];
    for (const command of ['PAUSE', 'RESUME', 'WITHDRAW', 'DONE', 'ACK']) {
      await h.text(bea, `${command} SU-0001`);
      const notMine = h.inbox(bea).at(-1);
      await h.text(bea, `${command} SU-0999`);
      expect(h.inbox(bea).at(-1)?.replace('SU-0999', 'SU-0001')).toBe(notMine);
      answers.push(notMine ?? '');
    }
    expect(new Set(answers)).toEqual(new Set(['There is nobody on your caseload with the reference SU-0001. Text STATUS to see your people.']));
    expect(await h.database.db.collection('enrolments').findOne({ reference: 'SU-0001' })).toMatchObject({ status: 'pending-consent' });
    await h.text(maya, 'PAUSE SU-0999');
    expect(h.inbox(maya).at(-1)).toBe('There is nobody with the reference SU-0999.');
  });

  it('when a worker makes a mistake, then the reply says exactly what is wrong', async () => {
    await h.text(alex, 'ENROL 07700 90012');
    expect(h.inbox(alex).at(-1)).toBe('07700 90012 is too short');
    await h.text(alex, 'ENROL 07700 900922 anxty');
    expect(h.inbox(alex).at(-1)).toBe('Which programme did you mean: anxiety-group? Text ENROL, the number, then the programme.\nProgrammes: wellbeing, anxiety-group');
    await h.text(alex, 'ENROL');
    expect(h.inbox(alex).at(-1)).toMatch(/ENROL followed by their mobile number/);
    await h.text(alex, 'PAUSE SU-0001');
    expect(h.inbox(alex).at(-1)).toMatch(/SU-0001/);
    await h.text(bea, 'withdraw SU-0001');
    expect(h.inbox(bea).at(-1)).toBe('There is nobody on your caseload with the reference SU-0001. Text STATUS to see your people.');
    await h.text(alex, 'ENROL 07700 900912');
    expect(h.inbox(alex).at(-1)).toBe('That number belongs to a member of staff.');
  });

  it('when a named programme is given, then the enrolment uses it and its measure', async () => {
    await h.text(alex, 'enrol 07700900922 Anxiety-Group Lee');
    expect(h.inbox(alex).at(-1)).toBe('Enrolled SU-0002 on Anxiety Group. We have asked them for consent and will tell you when they reply.');
    await h.text(lee, 'YES');
    expect(h.inbox(lee).at(-1)).toMatch(/^Q1\/7 /);
  });

  it('when a service-user texts a worker command, then it is not obeyed', async () => {
    await h.text(lee, 'ENROL 07700 900923');
    expect(await h.database.db.collection('enrolments').countDocuments()).toBe(2);
    expect(h.inbox(lee).at(-1)).not.toMatch(/^Enrolled/);
    expect(h.inbox('+447700900923')).toHaveLength(0);
  });

  it('when someone declines consent, then nothing is asked and their worker is told', async () => {
    await h.text(jo, 'no thanks');
    expect(h.inbox(jo).at(-1)).toMatch(/^Thank you for letting us know/);
    expect(h.inbox(alex).at(-1)).toBe('SU-0001 said NO to the questionnaires. Nothing more will be sent to them.');
    expect(await h.database.db.collection('enrolments').findOne({ reference: 'SU-0001' })).toMatchObject({ status: 'declined', consent: { decision: 'no' } });
    await h.text(bea, 'ENROL 07700 900921');
    expect(h.inbox(bea).at(-1)).toMatch(/^Enrolled SU-0001 on Wellbeing/);
  });

  it('when a worker pauses, resumes and marks someone DONE, then the enrolment follows and the discharge check-in is set', async () => {
    await h.text(alex, 'pause su-0002');
    expect(h.inbox(alex).at(-1)).toBe('SU-0002 paused: no reminders until you RESUME.');
    await h.text(alex, 'PAUSE SU-0002');
    expect(h.inbox(alex).at(-1)).toBe('SU-0002 is already paused.');
    await h.text(alex, 'resume 2');
    expect(h.inbox(alex).at(-1)).toBe('SU-0002 resumed.');
    await h.text(bea, 'done SU-0001');
    expect(h.inbox(bea).at(-1)).toMatch(/^SU-0001 /);
    await h.text(alex, 'DONE SU-0002');
    expect(h.inbox(alex).at(-1)).toMatch(/^SU-0002 marked as finished with support\./);
    const enrolment = await h.database.db.collection('enrolments').findOne({ reference: 'SU-0002' });
    expect(enrolment?.status).toBe('discharged');
    const open = await h.database.db.collection('assessments').find({ enrolmentId: enrolment?._id, status: { $in: ['open', 'in-progress', 'scheduled'] } }).toArray();
    expect(open).toEqual([]);
  });

  it('when a stranger texts, then they get one generic reply a day and nothing about them is stored but a keyed hash', async () => {
    await h.text(stranger, 'hello who is this? my number is 07700 900999');
    await h.text(stranger, 'hello again');
    expect(h.inbox(stranger)).toEqual([expect.stringMatching(/^This is Test Community Trust's automated wellbeing text service/)]);
    const hash = h.service.messaging.delivery.phones.hash(stranger);
    expect(await h.database.db.collection('messages').countDocuments({ phoneHash: hash })).toBe(0);
    expect(await h.database.db.collection('contacts').countDocuments({ _id: hash as never })).toBe(0);
    const limits = await h.database.db.collection('strangerReplies').find().toArray();
    expect(limits).toHaveLength(1);
    expect(JSON.stringify(limits)).not.toContain('7700900999');
    h.clock.advance(24 * 60 * 60 * 1000);
    await h.text(stranger, 'anyone?');
    expect(h.inbox(stranger)).toHaveLength(2);
  });

  it('when a worker texts HELP or STATUS, then they get the commands and their caseload by reference only', async () => {
    await h.text(bea, 'help');
    expect(h.inbox(bea).at(-1)).toMatch(/^Test Community Trust: commands\nENROL 07700 900123 - add someone\n[^]*\nReply STOP to opt out(\nProgrammes: .*)?$/);
    await h.text(alex, 'status');
    expect(h.inbox(alex).at(-1)).toBe('You have nobody enrolled at the moment. Text ENROL <mobile> to add someone.');
  });
});
