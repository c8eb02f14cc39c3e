import { transitionEnrolment, formatReference, type EnrolmentAction } from '../../domain/cases/enrolment.js';
import { parseWorkerCommand } from '../../domain/cases/worker-commands.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { Enrolment } from '../ports/case-store.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseDeps } from './case-deps.js';
import { enrolServiceUser } from './enrol-service-user.js';
import { startDischarge } from './start-discharge.js';
import { stopWaiting } from './stop-waiting.js';
import { rescheduleTimepoints } from '../scheduling/reschedule-timepoints.js';
import { workerStatus } from './worker-status.js';
import { weeklyReportText } from '../reports/weekly-report.js';
import { maskSensitiveText } from '../../domain/privacy/mask-sensitive-text.js';
import { countSmsSegments } from '../../domain/messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../../domain/messaging/normalise-to-gsm7.js';
import { quoteForSms } from '../../domain/messaging/quote-for-sms.js';
import { withProgrammeList } from '../../domain/cases/with-programme-list.js';

/**
 * HELP for staff: one command a line, each with an example to copy and what it does, so nobody has
 * to decode placeholders on a phone. The organisation comes first and how to stop last; a long
 * organisation name is cut so the whole text fits two GSM-7 segments. `programmes` (their short
 * names) become a last line when there is room (withProgrammeList).
 */
/** The short names a worker may type after ENROL: a retired programme takes nobody new. */
export async function enrollableSlugs(deps: Pick<CaseDeps, 'programmes'>): Promise<string[]> {
  return (await deps.programmes.list()).filter((programme) => !programme.retiredAt).map((programme) => programme.slug);
}

export function workerHelp(orgName: string, programmes: readonly string[] = [], role: StaffMember['role'] = 'worker'): string {
  const commands = [
    'ENROL 07700 900123 - add someone',
    'STATUS - list your people',
    // REPORT answers managers only, so a worker's HELP does not offer it.
    ...(role === 'worker' ? [] : ['REPORT - figures']),
    'PAUSE SU-0042 - no reminders',
    'RESUME SU-0042 - reminders again',
    'WITHDRAW SU-0042 - stop texts',
    'DONE SU-0042 - support ended',
    'ACK SU-0042 - alert seen',
    // Said as carriers expect a HELP answer to say it.
    'Reply STOP to opt out',
  ];
  const org = [...normaliseToGsm7(orgName).replace(/\s+/g, ' ').trim()];
  const help = (name: string) => [`${name}: commands`, ...commands].join('\n');
  for (let length = Math.min(org.length, 60); length > 0; length--) {
    const name = length === org.length ? org.join('') : `${org.slice(0, length - 1).join('').trimEnd()}.`;
    if (countSmsSegments(help(name)).segments <= 2) return withProgrammeList(help(name), programmes);
  }
  return withProgrammeList(commands.join('\n'), programmes);
}

const verbActions: Record<'pause' | 'resume' | 'withdraw' | 'done', EnrolmentAction> = { pause: 'pause', resume: 'resume', withdraw: 'withdraw', done: 'done' };
const verbReplies = { pause: 'paused: no reminders until you RESUME.', resume: 'resumed.', withdraw: 'withdrawn: nothing more will be sent to them.', done: 'marked as finished with support.' };

/** What a staff text produced: the replies, and the text as it is to be kept once handled. */
export interface WorkerCommandResult {
  replies: string[];
  /** Numbers become the person's reference and labels are dropped, so the log keeps no identifiers. */
  redactedBody: string;
}

/**
 * A text from a member of staff. Replies name people by reference only, never with health answers.
 * `message.id` keys what the command creates (the enrolment of an ENROL), so a replayed text finds
 * its own enrolment rather than a clash.
 */
export async function handleWorkerCommand(deps: CaseDeps, member: StaffMember, message: { id: string; body: string; channel: Channel }): Promise<WorkerCommandResult> {
  const command = parseWorkerCommand(message.body);
  const kept = (replies: string[], redactedBody = maskSensitiveText(message.body)) => ({ replies, redactedBody });
  switch (command.kind) {
    case 'help':
      return kept([workerHelp(deps.org.name, await enrollableSlugs(deps), member.role)]);
    case 'not-a-command':
      // Quoting what arrived shows the worker exactly what the bot read; free text is not kept.
      return kept([`Sorry, I did not recognise "${quote(message.body)}". Text HELP for the commands.`], '[unrecognised text, not kept]');
    case 'invalid':
      return kept([command.reason], /^\s*enrol/i.test(message.body) ? 'ENROL [not understood, not kept]' : maskSensitiveText(message.body));
    case 'status':
      return kept([await workerStatus(deps, member)]);
    case 'report':
      // Colleagues' rates are for managers, as in GET /api/reports/weekly.
      if (member.role === 'worker') return kept(['REPORT is for managers. Text STATUS to see your people.']);
      return kept([await weeklyReportText({ source: deps.cases, staff: deps.staff, org: deps.org }, command.week, deps.clock.now())]);
    case 'enrol': {
      const result = await enrolServiceUser(deps, {
        worker: member, phone: command.phone, programmeAndLabel: command.programmeAndLabel, channel: 'sms', enrolmentId: `enrol:${message.id}`,
      });
      if (!result.ok) return kept([result.reason], 'ENROL [number removed]');
      return kept([`Enrolled ${result.reference} on ${result.programme.name}. We have asked them for consent and will tell you when they reply.`], `ENROL ${result.reference} ${result.programme.slug}`);
    }
    default:
      return kept([await referenceCommand(deps, member, command.kind, command.reference)]);
  }
}

/** PAUSE, RESUME, WITHDRAW, DONE or ACK of one person: the texts' commands, also behind the web record's buttons. */
export async function referenceCommand(deps: Pick<CaseDeps, 'audit' | 'cases' | 'clock' | 'contacts' | 'jobs' | 'locks' | 'org' | 'programmes'>, member: StaffMember, verb: 'pause' | 'resume' | 'withdraw' | 'done' | 'ack', reference: string): Promise<string> {
  const person = await deps.cases.serviceUserByReference(normaliseReference(reference));
  const enrolment = person ? ((await deps.cases.liveEnrolment(person.id)) ?? (await deps.cases.enrolmentsOf(person.id)).at(-1)) : undefined;
  // One answer for "nobody" and "not yours": a different one would tell a worker who else we support.
  if (!person || !enrolment || !mayActOn(member, enrolment)) {
    return member.role === 'worker'
      ? `There is nobody on your caseload with the reference ${reference}. Text STATUS to see your people.`
      : `There is nobody with the reference ${reference}.`;
  }
  const now = deps.clock.now();
  if (verb === 'ack') {
    const count = await deps.cases.acknowledgeAlerts(person.id, member.id, now);
    if (count === 0) return `There are no open alerts for ${person.reference}.`;
    await deps.audit.record({ actor: member.id, action: 'alert.ack', subject: person.reference, at: now, details: { count } });
    return `Thank you: the alert for ${person.reference} is acknowledged.`;
  }
  // The person's own STOP ended it, and now the worker ends it too: the end becomes the worker's,
  // so a later START from the person does not bring it back (reinstateAfterOptOut needs optedOut).
  if ((verb === 'withdraw' || verb === 'done') && enrolment.status === 'withdrawn' && enrolment.optedOut) {
    await deps.cases.updateEnrolment(enrolment.id, { optedOut: null }, now);
    await deps.audit.record({ actor: member.id, action: `enrolment.${verb}`, subject: enrolment.id, at: now, details: { reference: person.reference, afterOptOut: true } });
    return `${person.reference} had already stopped their texts, and is now withdrawn: texting START will not restart their questions.`;
  }
  const transition = transitionEnrolment(enrolment.status, verbActions[verb], person.reference);
  if (!transition.ok) return transition.reason;
  await deps.cases.updateEnrolment(enrolment.id, { status: transition.status }, now);
  await deps.audit.record({ actor: member.id, action: `enrolment.${verb}`, subject: enrolment.id, at: now, details: { reference: person.reference } });
  if (verb === 'withdraw' || verb === 'done') await closeOpenAssessments(deps, enrolment);
  // Reminders and openings that came due while paused ended or wait: RESUME puts them back.
  if (verb === 'resume') await rescheduleTimepoints(deps, enrolment);
  if (verb === 'done') {
    const discharge = await startDischarge(deps, enrolment);
    return `${person.reference} ${verbReplies.done}${discharge ? ` Their discharge check-in is due ${discharge}.` : ''}`;
  }
  return `${person.reference} ${verbReplies[verb]}`;
}

/** Workers act on their own caseload; managers and admins on anyone's. */
function mayActOn(member: StaffMember, enrolment: Enrolment): boolean {
  return member.role === 'manager' || member.role === 'admin' || enrolment.workerId === member.id;
}

function normaliseReference(reference: string): string {
  const n = Number(/\d+/.exec(reference)?.[0] ?? NaN);
  return Number.isSafeInteger(n) && n > 0 ? formatReference(n) : reference;
}

/** Nothing more is asked once support ends: scheduled and open timepoints are cancelled, answers kept. */
async function closeOpenAssessments(deps: Pick<CaseDeps, 'cases' | 'contacts' | 'locks'>, enrolment: Enrolment): Promise<void> {
  for (const assessment of await deps.cases.assessmentsOf(enrolment.id)) {
    if (['scheduled', 'open', 'in-progress'].includes(assessment.status)) await deps.cases.updateAssessment(assessment.id, { status: 'cancelled' });
  }
  const person = await deps.cases.serviceUserByReference(enrolment.reference);
  if (person) await stopWaiting(deps, person.phoneHash, { enrolmentId: enrolment.id });
}

function quote(text: string): string {
  return quoteForSms(maskSensitiveText(text), 60);
}
