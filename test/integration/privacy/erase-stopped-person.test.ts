import { createMongoPrivacyStore } from '../../../src/adapters/mongo/mongo-privacy-store.js';
import { personCommand, type PersonCliIo } from '../../../scripts/cli/person.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { phoneForms } from '../admin/admin-fixture.js';
import { enrolWithLabel, findEverywhere } from './privacy-fixture.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

/** A person who said STOP, erased with `person erase` (in-process, on the harness's database). */
describe('erasing someone who said STOP', () => {
  let h: ConversationHarness;
  let workerId: string;
  const robin = '+447700900456';
  let answer: ((question: string) => Promise<boolean>) | null = null;
  let asked: string[] = [];

  async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; failed: boolean }> {
    const output = { stdout: '', stderr: '', failed: false };
    const { cases } = h.service.messaging;
    const io: PersonCliIo = {
      run: (work) => work({ ...cases, cases: cases.cases, privacy: createMongoPrivacyStore(h.database.db) }, { org: cases.org }),
      out: (text) => void (output.stdout += text),
      err: (text) => void (output.stderr += text),
      fail: () => void (output.failed = true),
      confirm: answer && ((question) => {
        asked.push(question);
        return (answer as (q: string) => Promise<boolean>)(question);
      }),
    };
    await personCommand(io).exitOverride().parseAsync(args, { from: 'user' });
    return output;
  }

  beforeAll(async () => {
    h = await startConversationHarness();
    workerId = (await h.registerStaff('+447700900751', 'worker', 'Alex')).id;
    await h.addProgramme({ name: 'Check-in', measureId: 'ons4', followUps: ['6w'], isDefault: true });
    await enrolWithLabel(h, robin, 'Robin Fernsby', workerId);
    await h.text(robin, 'yes');
    await h.text(robin, '7');
    await h.text(robin, 'STOP');
  });
  afterAll(async () => h.close());

  it('when the operator does not confirm, then nothing is erased; without a terminal and without --yes, it refuses', async () => {
    const noTerminal = await cli('erase', 'SU-0001');
    expect(noTerminal).toMatchObject({ failed: true, stderr: 'person erase: not a terminal: add --yes to erase without being asked\n' });
    answer = async () => false;
    const declined = await cli('erase', 'SU-0001');
    expect(asked).toEqual([expect.stringMatching(/^Erase SU-0001\? This cannot be undone/)]);
    expect(declined).toMatchObject({ failed: true, stdout: '', stderr: 'person erase: not confirmed: nothing was erased\n' });
    asked = [];
    expect(await h.database.db.collection('serviceUsers').findOne({ reference: 'SU-0001' })).not.toHaveProperty('erasedAt');
  });

  it('when erased with --yes, then the number and label are gone but its keyed hash stays on the suppression list', async () => {
    const hash = h.service.messaging.delivery.phones.hash(robin);
    const erased = await cli('erase', 'SU-0001', '--yes', '--json');
    expect(asked).toEqual([]);
    expect(JSON.parse(erased.stdout)).toMatchObject({ reference: 'SU-0001', status: 'erased', scoresRemoved: false });
    expect(await findEverywhere(h.database.db, [...phoneForms(robin), 'Robin Fernsby'])).toEqual([]);
    expect(await h.database.db.collection('suppressions').findOne({ _id: hash as never })).toMatchObject({ source: 'STOP' });
    expect(await (await sealedAuditLog(h.database.db)).findOne({ action: 'person.erased' })).toMatchObject({ actor: 'cli', subject: 'SU-0001' });
  });

  it('when the erased number texts again, then it is a stranger who said STOP: nothing is sent back and nothing kept', async () => {
    const before = h.inbox(robin).length;
    await h.text(robin, 'hello again from Robin');
    await h.settled();
    expect(h.inbox(robin)).toHaveLength(before);
    expect(await findEverywhere(h.database.db, ['hello again from Robin'])).toEqual([]);
  });

  it('when a worker enrols that number again, then the enrolment is refused as opted out and nothing is ever sent to it', async () => {
    const before = h.inbox(robin).length;
    const response = await fetch(`http://127.0.0.1:${h.service.port}/api/enrolments`, {
      method: 'POST', headers: { authorization: `Bearer ${h.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ phone: robin, workerId }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/opted out of our messages \(STOP\)/) });
    await h.settled();
    expect(h.inbox(robin)).toHaveLength(before);
  });

  it('when it is erased twice, then the second time says already erased', async () => {
    const second = await cli('erase', 'SU-0001', '--yes');
    expect(second).toMatchObject({ failed: false, stdout: expect.stringMatching(/^SU-0001 was already erased/) });
  });

  it('when someone is erased with --remove-scores, then their answers and scores go too', async () => {
    const jo = '+447700900457';
    const { reference } = await enrolWithLabel(h, jo, 'Jo Brindlecombe', workerId);
    await h.text(jo, 'yes');
    for (const reply of ['7', '8', '6', '3']) await h.text(jo, reply);
    const person = await h.database.db.collection('serviceUsers').findOne({ reference });
    expect(await h.database.db.collection('assessments').findOne({ serviceUserId: person?._id, status: 'completed' })).toHaveProperty('score');
    const erased = await cli('erase', reference, '--yes', '--remove-scores', '--json');
    expect(JSON.parse(erased.stdout)).toMatchObject({ reference, status: 'erased', scoresRemoved: true });
    const [baseline] = await h.database.db.collection('assessments').find({ serviceUserId: person?._id, timepointId: 'baseline' }).toArray();
    expect(baseline).toMatchObject({ status: 'completed', answers: {} });
    expect(baseline).not.toHaveProperty('score');
  });
});
