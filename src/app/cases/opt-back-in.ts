import { reinstateAfterOptOut } from '../../domain/cases/enrolment.js';
import { caseloadStatuses } from '../../domain/cases/caseload-line.js';
import { formatCheckInDate } from '../../domain/conversation/format-check-in-date.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import { sameLocalTimeDaysLater } from '../../domain/schedule/reminder-instants.js';
import { consentLapseDays } from '../scheduling/chase-consent.js';
import { timepointName } from '../scheduling/open-timepoint.js';
import { timepointJobs } from '../scheduling/reschedule-timepoints.js';
import type { Assessment, Conversation } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';
import type { Decision, TurnInput } from './handle-service-user-turn.js';
import { openQuestionnaire } from './open-questionnaire.js';
import { enrolmentSnapshot, stepQuestionnaire } from './step-questionnaire.js';
import type { TurnAction } from './turn-action.js';

/**
 * START from a service-user (their number is already off the suppression list). What their own
 * STOP stopped comes back and they are told, truthfully, what happens next; so is their worker:
 * - stopped before they answered the consent request: they are asked it again;
 * - stopped part-way through a questionnaire whose window is still open: the question they were on
 *   is asked again (the questionnaire's own START branch), with its reminders;
 * - otherwise their next check-in is put back (the follow-ups its opening cancelled while they were
 *   opted out included) and they are told when it is; or, with none left, that none is planned.
 * An enrolment a worker ended (WITHDRAW, DONE) is not undone: they hear that no check-ins are
 * planned and the worker that they would take part again.
 */
export async function optBackIn(deps: Pick<CaseDeps, 'cases' | 'measures' | 'org' | 'programmes'>, input: TurnInput): Promise<Decision> {
  const { conversation, now, serviceUserId } = input;
  const welcome = `Welcome back: ${deps.org.name} can message you again.`;
  const enrolment = conversation ? await deps.cases.enrolment(conversation.enrolmentId) : ((await deps.cases.enrolmentsOf(serviceUserId)).at(-1) ?? null);
  if (!enrolment) return { actions: [send(`${welcome} Reply STOP at any time to stop.`)] };
  const { reference } = enrolment;
  const transition = reinstateAfterOptOut(enrolment.status, enrolment.optedOut?.from, reference);
  if (!transition.ok) {
    // Still live (a START with no STOP before it): nothing was stopped, nothing to bring back.
    if (caseloadStatuses.has(enrolment.status)) return { actions: [send(`${welcome} Reply STOP at any time to stop.`)] };
    return {
      enrolment: enrolmentSnapshot(enrolment),
      actions: [
        send(`${welcome} There are no check-ins planned for you at the moment. Please talk to your worker if you would like to take part again.`),
        tellWorker(`${reference} texted START to get our texts again, but their enrolment has ended (${enrolment.status}). To ask them again, enrol them again.`),
      ],
    };
  }
  const status = transition.status;
  const snapshot = enrolmentSnapshot({ ...enrolment, status });
  const base: Conversation = conversation ?? { phoneHash: input.contact.phoneHash, serviceUserId, enrolmentId: enrolment.id, awaiting: 'nothing', version: 0 };
  const actions: TurnAction[] = [
    { type: 'reinstate-enrolment', enrolmentId: enrolment.id, serviceUserId, status },
    { type: 'audit', entry: { actor: 'service-user', action: 'opt-in', subject: reference, details: { status } } },
  ];

  if (status === 'pending-consent' || status === 'consent-lapsed') {
    // The chase ended with the STOP; a request asked again lapses as one would after its last reminder.
    if (status === 'pending-consent') actions.push({ type: 'schedule', action: 'consent:lapse', subjectId: enrolment.id, at: sameLocalTimeDaysLater(now, consentLapseDays, deps.org.timezone) });
    actions.push(
      send(`${welcome} Would you still like to answer a few short questions about how you are doing? Please reply YES or NO.`),
      tellWorker(`${reference} texted START after STOP and has been asked again for their YES to the questions.`),
    );
    return { next: { ...base, awaiting: 'consent', enrolment: snapshot }, enrolment: snapshot, actions };
  }

  const assessments = await deps.cases.assessmentsOf(enrolment.id);
  // While the enrolment was ended by the STOP, a follow-up's opening cancelled it: still to come, it comes back.
  const restored = assessments.filter((a) => a.status === 'cancelled' && a.kind !== 'baseline' && a.closesAt > now);
  for (const assessment of restored) actions.push({ type: 'update-assessment', assessmentId: assessment.id, update: { status: 'scheduled' } });
  const current = assessments.map((a): Assessment => (restored.includes(a) ? { ...a, status: 'scheduled' } : a));
  // A paused enrolment stays quiet until the worker's RESUME, which puts its jobs back then.
  const jobs = status === 'active' ? await timepointJobs(deps, enrolment, current, now) : [];
  actions.push(...jobs.map((job) => ({ type: 'schedule' as const, ...job })));

  const stopped = conversation?.questionnaire?.status === 'stopped' ? conversation.questionnaire : undefined;
  const inProgress = stopped && current.find((a) => a.id === stopped.assessmentId && ['open', 'in-progress'].includes(a.status) && a.closesAt > now);
  if (conversation && stopped && inProgress) {
    const open = await openQuestionnaire(deps, conversation);
    // The person's START, however they worded it (the keyword, or Twilio's OptOutType): the stopped
    // questionnaire wakes for it alone and asks the question they were on.
    const stepped = await stepQuestionnaire(deps, { ...open, enrolment: snapshot, state: stopped, event: { type: 'reply', text: 'START' }, now, context: conversation.context, history: conversation.history });
    actions.push(
      send(`${welcome} Here is the question you were on. Reply STOP at any time to stop.`),
      ...stepped.actions,
      tellWorker(`${reference} texted START after STOP: their ${timepointName(inProgress.timepointId)} check-in carries on where it stopped.`),
    );
    return { next: { ...conversation, ...open.carried, enrolment: snapshot, awaiting: 'questionnaire', questionnaire: stepped.state }, enrolment: snapshot, actions };
  }

  const next = current.filter((a) => a.status === 'scheduled' && a.closesAt > now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  const nextState: Conversation = { ...base, awaiting: 'nothing', enrolment: snapshot };
  if (!next) {
    actions.push(
      send(`${welcome} There are no more check-ins planned for you. Reply STOP at any time to stop.`),
      tellWorker(`${reference} texted START after STOP, but no check-ins are left to ask them (their last window closed meanwhile). To ask again, enrol them again.`),
    );
    return { next: nextState, enrolment: snapshot, actions };
  }
  const when = formatCheckInDate(later(next.dueAt, nextSendableInstant(now, deps.org.timezone)), deps.org.timezone, now);
  actions.push(
    send(`${welcome} Your next check-in is due ${when}. Reply STOP at any time to stop.`),
    tellWorker(`${reference} texted START after STOP: texts are back on, and their ${timepointName(next.timepointId)} check-in is due ${when}.`),
  );
  return { next: nextState, enrolment: snapshot, actions };
}

function send(text: string): TurnAction {
  return { type: 'send', text, purpose: 'reply' };
}

function tellWorker(text: string): TurnAction {
  return { type: 'tell-worker', purpose: 'notice', text };
}

function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
