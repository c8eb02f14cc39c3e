import { readConsentReply } from '../../domain/cases/consent.js';
import { transitionEnrolment } from '../../domain/cases/enrolment.js';
import type { OptOutIntent } from '../../domain/messaging/opt-out-intent.js';
import type { ReplyBudget } from '../../domain/messaging/reply-budget.js';
import type { Conversation, Enrolment, EnrolmentSnapshot } from '../ports/case-store.js';
import type { Contact } from '../ports/contact-book.js';
import type { InboundMessage } from '../ports/message-log.js';
import { applyTurnActions, type TurnTarget } from './apply-turn-actions.js';
import type { CaseDeps } from './case-deps.js';
import { commitTurn, ConversationBusyError, finishCommittedTurn, finishPreviousTurn, turnSeen } from './commit-turn.js';
import { openBaseline } from './open-baseline.js';
import { openQuestionnaire } from './open-questionnaire.js';
import { optBackIn } from './opt-back-in.js';
import { replyLoopToSave, tellOfReplyLoop } from './reply-loop.js';
import { scopeToTurn } from './scope-to-turn.js';
import { enrolmentSnapshot, stepQuestionnaire } from './step-questionnaire.js';
import type { TurnAction } from './turn-action.js';

/** A decision: the conversation's next state (absent when the turn only replies) and what to do. */
export interface Decision {
  next?: Conversation;
  enrolment?: EnrolmentSnapshot;
  actions: TurnAction[];
  /** The message moved things on (an answer recorded, consent given or refused): see the loop breaker. */
  progressed?: boolean;
}

const maxRaces = 3;

/**
 * A service-user's message: an opt-out or back in, the answer to the consent request, the next answer of a
 * questionnaire, or a message when nothing is being asked. Exactly once: the decision is committed
 * with the conversation's state, keyed by the message id, so a message replayed after a crash
 * redoes only its committed actions, with the same message ids; a lost race runs the turn again on
 * fresh state. An answer needs nothing but the number's record (`contact`, read by the turn): the
 * conversation carries the enrolment and the assessment. `base` is the unscoped dependencies.
 * `budget` (the loop breaker; absent for STOP and START, which always answer): when it is spent,
 * the turn runs and commits as usual but its texts to the person are left out of the decision, so
 * a replay does not send them either; the worker hears once per episode. A message that moved
 * things on (an answer recorded, a YES or NO to consent) is outside the budget: a machine does not
 * answer questionnaires, and a person answering 16 questions in an hour must get the 11th.
 */
export async function handleServiceUserTurn(base: CaseDeps, contact: Contact, message: InboundMessage, intent: OptOutIntent | null, lock: { tookOver: boolean }, budget?: ReplyBudget): Promise<void> {
  const deps = scopeToTurn(base, message.id);
  const to = { channel: message.channel, phoneHash: contact.phoneHash, phoneEnc: message.phoneEnc };
  const serviceUserId = contact.serviceUserId as string;
  let record: Contact | null = contact;
  for (let race = 1; race <= maxRaces; race++) {
    const now = deps.clock.now();
    if (race > 1) record = await deps.contacts.get(contact.phoneHash);
    const conversation = record?.conversation ?? null;
    const seen = turnSeen(conversation, message.id);
    if (seen === 'consumed') return;
    if (seen === 'committed' && conversation?.lastTurn) {
      await finishCommittedTurn(base, conversation, conversation.lastTurn);
      return;
    }
    await finishPreviousTurn(base, conversation, message.id, { tookOver: lock.tookOver && race === 1 });
    const decided = await decide(deps, { serviceUserId, conversation, message, intent, now, contact: record ?? contact });
    const counted = decided.progressed ? undefined : budget;
    const decision = counted && !counted.allowed ? { ...decided, actions: decided.actions.filter((action) => action.type !== 'send') } : decided;
    const enrolled = decision.enrolment ?? conversation?.enrolment;
    const turn: TurnTarget = { key: message.id, at: now, to, replyTo: message.id, contact: record ?? contact, ...(enrolled ? { enrolment: enrolled } : {}) };
    const touch = { channel: message.channel, at: message.receivedAt };
    const replyLoop = counted && replyLoopToSave(counted, decision.actions.some((action) => action.type === 'send'));
    if (counted?.tell) {
      const about = enrolled ?? (await deps.cases.liveEnrolment(serviceUserId));
      if (about) await tellOfReplyLoop(base, message.id, { serviceUser: about });
    }
    if (!decision.next) {
      if (replyLoop) await deps.contacts.saveReplyLoop(contact.phoneHash, replyLoop, message.channel === 'whatsapp' ? touch : undefined);
      else if (message.channel === 'whatsapp') await deps.contacts.touchInbound(contact.phoneHash, message.channel, message.receivedAt);
      await applyTurnActions(deps, turn, decision.actions);
      return;
    }
    if (await commitTurn(deps, decision.next, turn, decision.actions, touch, replyLoop)) return;
  }
  throw new ConversationBusyError(message.id);
}

export interface TurnInput {
  serviceUserId: string;
  conversation: Conversation | null;
  message: InboundMessage;
  intent: OptOutIntent | null;
  now: Date;
  contact: Contact;
}

async function decide(deps: Pick<CaseDeps, 'cases' | 'measures' | 'org' | 'programmes'>, input: TurnInput): Promise<Decision> {
  const { conversation, message, intent } = input;
  if (intent === 'stop') return optOut(deps, input);
  if (intent === 'start') return optBackIn(deps, input);
  if (!conversation) return reply(intent === 'help' ? help(deps) : nothingToAsk(deps));
  if (conversation.awaiting === 'consent') {
    const answer = readConsentReply(message.body);
    // "No, stop texting me" is an opt-out even though it does not start with STOP.
    if (answer === 'stop') return optOut(deps, input);
    if (answer === 'yes' || answer === 'no') return consent(deps, conversation, answer, input);
    if (answer === 'help') {
      return reply(`${deps.org.name} would like to ask you a few short questions by text to see how our support is helping. Reply YES to take part, NO if not, or STOP to get no more messages.`);
    }
    return reply('Sorry, I did not understand. Please reply YES to take part, or NO if you would rather not.');
  }
  // Awaiting answers is the conversation's own word: a withdrawal, a discharge or an opt-out sets it
  // to nothing, and a paused enrolment still takes the answer it was asked for.
  if (conversation.awaiting === 'questionnaire' && conversation.questionnaire) {
    const open = await openQuestionnaire(deps, conversation);
    const stepped = await stepQuestionnaire(deps, {
      ...open, state: conversation.questionnaire, event: { type: 'reply', text: message.body, ...(message.mediaCount ? { mediaCount: message.mediaCount } : {}) }, now: input.now, context: conversation.context, history: conversation.history,
    });
    const next: Conversation = { ...conversation, ...open.carried, awaiting: stepped.done ? 'nothing' : 'questionnaire', questionnaire: stepped.state, ...(stepped.history ? { history: stepped.history } : {}) };
    return { next, actions: stepped.actions, progressed: stepped.answered };
  }
  return reply(intent === 'help' ? help(deps) : nothingToAsk(deps));
}

/** STOP (already on the suppression list): a questionnaire in progress stops where it is (answers kept); the worker is told. */
async function optOut(deps: Pick<CaseDeps, 'cases' | 'measures' | 'org' | 'programmes'>, input: TurnInput): Promise<Decision> {
  const { conversation, now, serviceUserId } = input;
  const actions: TurnAction[] = [{ type: 'send', text: `You won't get any more messages from ${deps.org.name}. Reply START if you change your mind.`, purpose: 'opt-out-confirmation' }];
  const enrolment = conversation ? await deps.cases.enrolment(conversation.enrolmentId) : await deps.cases.liveEnrolment(serviceUserId);
  if (!enrolment) return { actions };
  let next: Conversation | undefined = conversation ? { ...conversation, awaiting: 'nothing' } : undefined;
  if (conversation?.questionnaire && conversation.awaiting === 'questionnaire') {
    const open = await openQuestionnaire(deps, conversation).catch(() => null);
    if (open) {
      const stepped = await stepQuestionnaire(deps, { ...open, state: conversation.questionnaire, event: { type: 'reply', text: 'STOP' }, now, context: conversation.context });
      next = { ...conversation, ...open.carried, awaiting: 'nothing', questionnaire: stepped.state };
      actions.push(...stepped.actions);
    }
  }
  const transition = transitionEnrolment(enrolment.status, 'opt-out', enrolment.reference);
  if (transition.ok) {
    actions.push(
      // Recorded as the person's own STOP, from where: their START may bring it back (optBackIn).
      { type: 'update-enrolment', enrolmentId: enrolment.id, update: { status: transition.status, optedOut: { at: now, from: enrolment.status } } },
      { type: 'audit', entry: { actor: 'service-user', action: 'opt-out', subject: enrolment.reference } },
      { type: 'tell-worker', purpose: 'notice', text: `${enrolment.reference} has opted out of messages (STOP). Nothing more will be sent to them.` },
    );
  }
  return { next, enrolment: enrolmentSnapshot(enrolment), actions };
}

async function consent(deps: Pick<CaseDeps, 'cases' | 'measures' | 'org' | 'programmes'>, conversation: Conversation, answer: 'yes' | 'no', input: TurnInput): Promise<Decision> {
  const { now, message } = input;
  // The enrolment's status decides, so it is read fresh (a lapsed request still takes a late YES).
  const enrolment = await deps.cases.enrolment(conversation.enrolmentId);
  if (!enrolment) return reply(nothingToAsk(deps));
  const transition = transitionEnrolment(enrolment.status, answer === 'yes' ? 'consent-yes' : 'consent-no', enrolment.reference);
  if (!transition.ok) return reply(nothingToAsk(deps));
  const record = { decision: answer, version: 'consent-v1', at: now, channel: message.channel };
  const actions: TurnAction[] = [
    { type: 'update-enrolment', enrolmentId: enrolment.id, update: { status: transition.status, consent: record } },
    { type: 'audit', entry: { actor: 'service-user', action: `consent.${answer}`, subject: enrolment.reference, details: { version: record.version, channel: message.channel } } },
  ];
  if (answer === 'no') {
    actions.push(
      { type: 'tell-worker', purpose: 'notice', text: `${enrolment.reference} said NO to the questionnaires. Nothing more will be sent to them.` },
      { type: 'send', purpose: 'reply', text: `Thank you for letting us know. We won't send you any questionnaires. ${deps.org.name}` },
    );
    return { next: { ...conversation, awaiting: 'nothing', enrolment: enrolmentSnapshot({ ...enrolment, status: transition.status }) }, actions, progressed: true };
  }
  const active: Enrolment = { ...enrolment, status: transition.status, consent: record };
  const opened = await openBaseline(deps, active, now);
  actions.push(...opened.actions.slice(0, 1), { type: 'send', purpose: 'reply', text: 'Thank you! Here is the first question. You can reply BACK to change an answer, or LATER to stop for now.' }, ...opened.actions.slice(1));
  // ENROL promised "we will tell you when they reply": by reference only, in working hours (tellWorker).
  actions.push({ type: 'tell-worker', purpose: 'notice', text: `${enrolment.reference} agreed to the questions; baseline started.` });
  return { next: { ...conversation, ...opened.conversation, awaiting: 'questionnaire', questionnaire: opened.state }, enrolment: enrolmentSnapshot(active), actions, progressed: true };
}

function reply(text: string): Decision {
  return { actions: [{ type: 'send', text, purpose: 'reply' }] };
}

function help(deps: Pick<CaseDeps, 'org'>): string {
  return `${deps.org.name}: this number sends short wellbeing questions for your support worker. Reply STOP to stop, START to start again.`;
}

function nothingToAsk(deps: Pick<CaseDeps, 'org'>): string {
  return `Thanks for your message. There are no questions for you right now: ${deps.org.name} will text you at your next check-in. Please contact your worker directly about anything else. Reply STOP to stop messages.`;
}
