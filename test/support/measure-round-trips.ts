// The one import of a use case: the invitation is counted from the job's handler itself, so that
// Agenda's polling (which only decides when the handler runs) stays out of the count.
import { openTimepoint } from '../../src/app/scheduling/open-timepoint.js';
import { countCommands, type CommandCount, type CommandCounter } from './count-commands.js';
import type { ServiceRig } from './service-rig.js';

/** The operations of issue 11 item 6, in the order the `commands:` line names them. */
export const roundTripOperations = ['answer', 'consent-yes', 'enrol', 'invitation', 'status'] as const;
export type RoundTripOperation = (typeof roundTripOperations)[number];
export type RoundTrips = Record<RoundTripOperation, CommandCount>;

const worker = '+447700900801';
/** Answers mid-questionnaire; enrolled by the counted ENROL and consents with the counted YES. */
const sam = '+447700900811';
/** Completes a baseline first, so that a follow-up is due to be opened. */
const robin = '+447700900812';

/**
 * Counts the database commands of the five operations of issue 11 item 6 on a service started with
 * `monitorCommands` (see startServiceRig), each end to end:
 * - enrol: a worker's ENROL text, from the signed webhook until the consent request and the
 *   worker's confirmation are at the fake Twilio and the turn is over (lock released, inbox read);
 * - consent-yes: the person's YES, until the thanks and the first question are out;
 * - answer: the answer to question 2 of ONS4, until question 3 is out;
 * - status: a "delivered" status callback for a sent message;
 * - invitation: the open-timepoint job handler for a follow-up due now, until its texts are out.
 * The webhook's own recording counts with its turn. Each count starts when the service's client
 * is quiet and ends when it is quiet again; the rig keeps the scheduler and sweeps from running
 * meanwhile. Setting up (staff, programme, the second person's baseline) is not counted.
 */
export async function measureRoundTrips(rig: ServiceRig, options: { settleMs?: number } = {}): Promise<RoundTrips> {
  const counter = countCommands(rig.service.mongo.client, { settleMs: options.settleMs });
  const turn = (from: string, body: string, replies: Array<{ to: string; text: RegExp }>) => textAndWait(rig, from, body, replies);
  try {
    await rig.api('POST', '/api/staff', { name: 'Bench Worker', phone: worker, role: 'worker' });
    await rig.api('POST', '/api/programmes', { name: 'Wellbeing', measureId: 'ons4', followUps: ['6w'], isDefault: true });

    const enrol = await counter.count(() => turn(worker, `ENROL ${sam}`, [{ to: sam, text: /reply YES or NO/i }, { to: worker, text: /^Enrolled SU-\d+/ }]));
    const consentYes = await counter.count(() => turn(sam, 'YES', [{ to: sam, text: /^Q1\/4 / }]));
    await turn(sam, '7', [{ to: sam, text: /^Q2\/4 / }]);
    const answer = await counter.count(() => turn(sam, '8', [{ to: sam, text: /^Q3\/4 / }]));

    const delivered = rig.sentTo(sam).at(-1);
    if (!delivered?.statusCallback) throw new Error('the last text to the person has no status callback URL');
    const callback = new URL(delivered.statusCallback);
    const status = await counter.count(async () => {
      const response = await rig.post(`${callback.pathname}${callback.search}`, {
        MessageSid: delivered.sid, SmsSid: delivered.sid, AccountSid: rig.fake.accountSid, MessageStatus: 'delivered', SmsStatus: 'delivered',
        From: delivered.from ?? '', To: delivered.to, ApiVersion: '2010-04-01',
      });
      if (response.status >= 300) throw new Error(`the status callback answered ${response.status}`);
    });

    const followUp = await completeBaseline(rig, counter, robin);
    rig.clock.setTo(new Date(followUp.dueAt));
    const invitation = await counter.count(async () => {
      const before = rig.sentTo(robin).length;
      const outcome = await openTimepoint(rig.service.messaging.cases, followUp.id);
      if (!('done' in outcome) || outcome.note !== 'opened') throw new Error(`the follow-up did not open: ${JSON.stringify(outcome)}`);
      await waitForText(rig, robin, before, /^Q1\/4 /, 'the follow-up invitation');
    });
    return { answer, 'consent-yes': consentYes, enrol, invitation, status };
  } finally {
    counter.close();
  }
}

/** The `commands:` line of `npm run bench`, which other tools read: `commands: answer=9 consent-yes=11 ...`. */
export function commandsLine(trips: Record<RoundTripOperation, { total: number }>): string {
  return `commands: ${roundTripOperations.map((operation) => `${operation}=${trips[operation].total}`).join(' ')}`;
}

/** Texts `body` from `from` and waits until each reply (a text matching `text` to `to`) has gone out since. */
async function textAndWait(rig: ServiceRig, from: string, body: string, replies: Array<{ to: string; text: RegExp }>): Promise<void> {
  const before = new Map(replies.map(({ to }) => [to, rig.sentTo(to).length]));
  await rig.text(from, body);
  for (const { to, text } of replies) await waitForText(rig, to, before.get(to) ?? 0, text, `the reply to "${body}"`);
}

/** Enrols, consents and answers all four ONS4 questions, uncounted; returns the 6-week follow-up this schedules. */
export async function completeBaseline(rig: ServiceRig, counter: Pick<CommandCounter, 'quiet'>, phone: string) {
  const steps: Array<[string, string, RegExp]> = [
    [worker, `ENROL ${phone}`, /^Enrolled SU-\d+/], [phone, 'YES', /^Q1\/4 /], [phone, '7', /^Q2\/4 /], [phone, '8', /^Q3\/4 /], [phone, '6', /^Q4\/4 /], [phone, '3', /^Thank you/],
  ];
  for (const [from, body, reply] of steps) {
    await textAndWait(rig, from, body, [{ to: from, text: reply }]);
    await counter.quiet();
  }
  const confirmation = rig.sentTo(worker).findLast((message) => /^Enrolled SU-\d+/.test(message.body ?? ''));
  const reference = /^Enrolled (SU-\d+)/.exec(confirmation?.body ?? '')?.[1];
  type Record = { enrolments: Array<{ assessments: Array<{ id: string; timepointId: string; status: string; dueAt: string }> }> };
  const record = await rig.api<Record>('GET', `/api/service-users/${reference}`);
  const followUp = record.enrolments.flatMap((enrolment) => enrolment.assessments).find((assessment) => assessment.timepointId === '6w' && assessment.status === 'scheduled');
  if (!followUp) throw new Error(`${reference} has no scheduled 6-week follow-up after the baseline`);
  return followUp;
}

async function waitForText(rig: ServiceRig, to: string, after: number, text: RegExp, what: string): Promise<void> {
  await rig.waitForTexts(to, after + 1);
  const deadline = Date.now() + 20_000;
  while (!rig.sentTo(to).slice(after).some((message) => text.test(message.body ?? ''))) {
    if (Date.now() > deadline) throw new Error(`${what}: no text matching ${text} (got ${JSON.stringify(rig.sentTo(to).slice(after).map((m) => m.body))})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
