import type { CaseDeps } from '../../../src/app/cases/case-deps.js';
import { handleTurn } from '../../../src/app/cases/handle-turn.js';
import { remindTimepoint } from '../../../src/app/scheduling/remind-timepoint.js';
import type { InboundMessage } from '../../../src/app/ports/message-log.js';
import { messageSid } from '../../support/channel-harness.js';
import { startConversationHarness, type ConversationHarness } from '../../support/conversation-harness.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

class SimulatedCrash extends Error {}

/**
 * The deps of a turn with the process "dying" at one point: before or after the n-th write it
 * makes (the case record, audit, jobs, the outbox). Nothing after that point happens, as when the
 * process is killed; what was written stays written.
 */
function crashingAt(deps: CaseDeps, point: number): { deps: CaseDeps; boundaries: () => number } {
  let seen = 0;
  const boundary = () => {
    if (seen++ === point) throw new SimulatedCrash(`crash at boundary ${point}`);
  };
  const wrap = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    boundary();
    const result = await write(...args);
    boundary();
    return result;
  };
  const { cases, contacts } = deps;
  return {
    boundaries: () => seen,
    deps: {
      ...deps,
      cases: {
        ...cases,
        updateAssessment: wrap(cases.updateAssessment), addAssessment: wrap(cases.addAssessment), updateEnrolment: wrap(cases.updateEnrolment),
        openAlert: wrap(cases.openAlert), markAlertEscalated: wrap(cases.markAlertEscalated),
      },
      contacts: { ...contacts, saveConversation: wrap(contacts.saveConversation), touchInbound: wrap(contacts.touchInbound), suppress: wrap(contacts.suppress) },
      audit: { record: wrap(deps.audit.record) },
      jobs: { ...deps.jobs, schedule: wrap(deps.jobs.schedule) },
      send: wrap(deps.send),
    },
  };
}

describe('a turn is applied exactly once, wherever the process dies', () => {
  let h: ConversationHarness;
  const alex = '+447700900811';
  const maya = '+447700900812';
  // PHQ-9 q1..q8, then q9 = 1: the last answer records, raises a safeguarding alert, signposts,
  // scores, schedules two follow-ups and thanks: the turn with the most to do.
  const firstEight = ['1', '2', '3', '0', '1', '3', '2', '0'];

  beforeAll(async () => {
    // No job falls due here (the clock stands still), and Agenda's polling on FerretDB slows every
    // write as the job collection grows: poll rarely.
    h = await startConversationHarness({ scheduler: { processEveryMs: 10_000 } });
    await h.registerStaff(alex, 'worker', 'Alex');
    await h.registerStaff(maya, 'manager', 'Maya');
    await h.addProgramme({ name: 'Talking Therapies', measureId: 'phq9', followUps: ['6w', '12w'], isDefault: true });
  });
  afterAll(async () => h.close());

  async function personAtLastQuestion(n: number): Promise<{ phone: string; reference: string }> {
    const phone = `+4477009009${String(n).padStart(2, '0')}`;
    await h.text(alex, `ENROL ${phone}`);
    await h.text(phone, 'yes');
    for (const answer of firstEight) await h.text(phone, answer);
    const person = await h.database.db.collection('serviceUsers').findOne({ phoneHash: h.service.messaging.delivery.phones.hash(phone) });
    return { phone, reference: String(person?.reference) };
  }

  async function recordedMessage(phone: string, body: string): Promise<InboundMessage> {
    const id = messageSid();
    await h.service.messaging.receive({ id, channel: 'sms', from: phone, body });
    const stored = await h.service.messaging.delivery.messages.nextReceived(h.service.messaging.delivery.phones.hash(phone));
    if (!stored || stored.id !== id) throw new Error('the message was not recorded');
    return stored;
  }

  async function expectDoneOnce(phone: string, reference: string) {
    const db = h.database.db;
    const assessment = await db.collection('assessments').findOne({ timepointId: 'baseline', serviceUserId: (await db.collection('serviceUsers').findOne({ reference }))?._id });
    const answers = assessment?.answers as Record<string, { value: number }>;
    expect(Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.value]))).toEqual({ q1: 1, q2: 2, q3: 3, q4: 0, q5: 1, q6: 3, q7: 2, q8: 0, q9: 1 });
    expect(assessment).toMatchObject({ status: 'completed', score: { total: 13 } });
    expect(await db.collection('alerts').countDocuments({ reference })).toBe(1);
    expect(await db.collection('assessments').countDocuments({ enrolmentId: assessment?.enrolmentId, kind: 'follow-up' })).toBe(2);
    expect(await (await sealedAuditLog(db)).countDocuments({ action: 'alert.open', subject: reference })).toBe(1);
    const texts = h.inbox(phone);
    expect(texts.filter((t) => /Samaritans|116 123|crisis/i.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /^Thank you/.test(t) && !/first question/.test(t))).toHaveLength(1);
    expect(h.inbox(alex).filter((t) => t.startsWith('URGENT') && t.includes(reference))).toHaveLength(1);
    expect(h.inbox(maya).filter((t) => t.startsWith('URGENT') && t.includes(reference))).toHaveLength(1);
    const conversation = (await db.collection('contacts').findOne({ _id: h.service.messaging.delivery.phones.hash(phone) as never }))?.conversation;
    expect(conversation).toMatchObject({ awaiting: 'nothing', questionnaire: { status: 'completed' } });
  }

  it('when nothing goes wrong, then the last answer does everything once (and the crash points are counted)', async () => {
    const { phone, reference } = await personAtLastQuestion(0);
    const message = await recordedMessage(phone, '1');
    const counted = crashingAt(h.service.messaging.cases, Number.POSITIVE_INFINITY);
    await handleTurn(counted.deps, message);
    expect(counted.boundaries()).toBeGreaterThan(20);
    await expectDoneOnce(phone, reference);
  });

  it('when the process dies at any point of the turn and the message is replayed, then each answer, alert and text exists once', async () => {
    const probe = await personAtLastQuestion(1);
    const probeMessage = await recordedMessage(probe.phone, '1');
    const counted = crashingAt(h.service.messaging.cases, Number.POSITIVE_INFINITY);
    await handleTurn(counted.deps, probeMessage);
    const points = counted.boundaries();

    // Different people's turns run side by side, so everyone is brought to their last question at once.
    const people: Array<{ phone: string; reference: string }> = [];
    for (let first = 0; first < points; first += 8) {
      people.push(...(await Promise.all(Array.from({ length: Math.min(8, points - first) }, (_, i) => personAtLastQuestion(2 + first + i)))));
    }
    for (let point = 0; point < points; point++) {
      const { phone, reference } = people[point] as { phone: string; reference: string };
      const message = await recordedMessage(phone, '1');
      await expect(handleTurn(crashingAt(h.service.messaging.cases, point).deps, message)).rejects.toThrow(SimulatedCrash);
      // The restarted process runs the same message again, on the real dependencies.
      await handleTurn(h.service.messaging.cases, message);
      await expectDoneOnce(phone, reference);
    }
  }, 300_000);

  it('when a turn dies after its commit and a reminder job takes its lock over first, then the job finishes that turn and its replay adds nothing', async () => {
    const { phone, reference } = await personAtLastQuestion(98);
    const message = await recordedMessage(phone, '1');
    // Boundary 1 is just after the commit (the conversation saved with the turn's actions).
    await expect(handleTurn(crashingAt(h.service.messaging.cases, 1).deps, message)).rejects.toThrow(SimulatedCrash);
    const phoneHash = h.service.messaging.delivery.phones.hash(phone);
    // The dead process's lock, expired.
    await h.database.db.collection('turnLocks').insertOne({ _id: phoneHash as never, owner: 'dead process', expiresAt: new Date(Date.now() - 1000) });
    const person = await h.database.db.collection('serviceUsers').findOne({ reference });
    const baseline = await h.database.db.collection('assessments').findOne({ serviceUserId: person?._id, timepointId: 'baseline' });
    h.clock.advance(2 * 86_400_000 + 60_000);
    await remindTimepoint(h.service.messaging.cases, String(baseline?._id));
    await handleTurn(h.service.messaging.cases, message);
    await expectDoneOnce(phone, reference);
    expect(h.inbox(phone).filter((text) => text.startsWith('Just a reminder'))).toHaveLength(0);
  });

  it('when another write changes the conversation just before the turn commits, then the turn runs again on the fresh state and its answer is kept once', async () => {
    const { phone, reference } = await personAtLastQuestion(97);
    const message = await recordedMessage(phone, '1');
    const { contacts } = h.service.messaging.cases;
    let saves = 0;
    const racing: CaseDeps = {
      ...h.service.messaging.cases,
      contacts: {
        ...contacts,
        // The first commit of this turn loses to a competing writer (a reminder, another process)
        // that saved the same conversation a moment earlier.
        saveConversation: async (conversation, touch) => {
          if (saves++ === 0) {
            const stored = (await contacts.get(conversation.phoneHash))?.conversation;
            if (!stored || !(await contacts.saveConversation(stored))) throw new Error('the competing write did not land');
          }
          return contacts.saveConversation(conversation, touch);
        },
      },
    };
    await handleTurn(racing, message);
    expect(saves).toBe(2);
    await expectDoneOnce(phone, reference);
  });
});
