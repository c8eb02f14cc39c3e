import type { MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import { optOutIntent } from '../../domain/messaging/opt-out-intent.js';
import { parseWorkerCommand } from '../../domain/cases/worker-commands.js';
import type { CaseDeps } from './case-deps.js';
import { handleServiceUserTurn } from './handle-service-user-turn.js';
import { enrollableSlugs, handleWorkerCommand, workerHelp } from './handle-worker-command.js';
import { replyLoopToSave, tellOfReplyLoop, turnReplyBudget } from './reply-loop.js';
import { scopeToTurn } from './scope-to-turn.js';
import type { InboundMessage } from '../ports/message-log.js';

/** What the inbox keeps of a handled message: a staff command is stored redacted. */
export interface TurnOutcome {
  redactedBody?: string;
}

/**
 * The bot's turn for one inbound message, replies included: every text goes out through the outbox
 * with an id made from the message's id (scopeToTurn), so a turn replayed after a crash sends each
 * reply once. Opt-out comes first and always wins, for staff and service-users alike, in every
 * state: STOP suppresses the number before anything else can fail and confirms once; START lifts
 * it; a suppressed number otherwise hears nothing, except that HELP (and YES, see
 * opt-out-intent.ts) is told how to come back. Then staff get worker commands, service-users the
 * consent request or their questionnaire, and anyone else a generic answer. `lock.tookOver`: see
 * finishPreviousTurn. Past opt-out, the loop breaker (replyBudget) decides whether the turn may
 * reply: another bot answering every text must not make promptly an endless sender. It counts
 * the answers to texts that moved nothing on (not a command, not an answer; see
 * handleServiceUserTurn), which are what two machines trade.
 */
export async function handleTurn(deps: CaseDeps, message: InboundMessage, lock: { tookOver: boolean } = { tookOver: false }): Promise<TurnOutcome> {
  // The number's record, read once under its lock: who it is, whether it opted out, its conversation.
  const found = await deps.contacts.get(message.phoneHash);
  const contact = found ?? { phoneHash: message.phoneHash, phoneEnc: message.phoneEnc, lastInboundAt: {}, smsAllowed: true, suppressed: await deps.contacts.isSuppressed(message.phoneHash) };
  const turn = scopeToTurn(deps, message.id);
  const reply = (text: string, purpose: MessagePurpose = 'reply') =>
    turn.send({ channel: message.channel, phoneHash: message.phoneHash, phoneEnc: message.phoneEnc, body: text, purpose, replyTo: message.id, contact });
  const intent = optOutIntent(message, contact.suppressed);
  if (intent === 'stop') {
    await deps.contacts.suppress(message.phoneHash, 'STOP', deps.clock.now());
    contact.suppressed = true;
  }
  if (intent === 'stop') {
    if (contact.serviceUserId) await handleServiceUserTurn(deps, contact, message, intent, lock);
    else await reply(`You won't get any more messages from ${deps.org.name}. Reply START if you change your mind.`, 'opt-out-confirmation');
    return {};
  }
  if (intent === 'start') {
    await deps.contacts.unsuppress(message.phoneHash);
    contact.suppressed = false;
    // A service-user's START also brings back what their STOP stopped, and says what comes next.
    if (contact.serviceUserId) await handleServiceUserTurn(deps, contact, message, intent, lock);
    else await reply(`Welcome back: ${deps.org.name} can message you again. Reply STOP at any time to stop.`, 'opt-out-confirmation');
    return {};
  }
  if (contact.suppressed) {
    // The purpose lets this one answer past the suppression list: they asked, and it sends nothing more.
    if (intent === 'help') await reply(`${deps.org.name}: you have opted out, so we are not sending you any messages. Reply START if you want them again.`, 'opt-out-confirmation');
    return {};
  }

  const budget = turnReplyBudget(deps, contact);
  const member = contact.staffId ? await deps.staff.get(contact.staffId) : null;
  if (member) {
    const handled = intent === 'help' ? { replies: [workerHelp(deps.org.name, await enrollableSlugs(deps), member.role)], redactedBody: 'HELP' } : await handleWorkerCommand(turn, member, message);
    // Only the answers to what is not a command count, and only they are held back: a machine
    // does not send ENROL, and a worker enrolling a group of 12 must hear about the 11th.
    const chatter = intent !== 'help' && ['not-a-command', 'invalid'].includes(parseWorkerCommand(message.body).kind);
    const replies = !chatter || budget.allowed ? handled.replies : [];
    if (chatter && budget.tell) await tellOfReplyLoop(deps, message.id, { staff: member });
    await saveTurnCounts(deps, message, chatter ? replyLoopToSave(budget, replies.length > 0) : undefined);
    await turn.sendMany(replies.map((text) => ({
      channel: message.channel, phoneHash: message.phoneHash, phoneEnc: message.phoneEnc, body: text, purpose: 'reply' as const, replyTo: message.id, contact,
    })));
    return { redactedBody: handled.redactedBody };
  }
  if (!contact.serviceUserId) {
    // A number promptly knows (say, a former member of staff) that is nobody's now: told what this is.
    if (found) await saveTurnCounts(deps, message, replyLoopToSave(budget, budget.allowed));
    if (budget.allowed) await reply(`${deps.org.name}: this number sends short wellbeing questions for support workers. Reply STOP to stop.`);
    // No record: the number's owner was erased after this message was recorded. Keep nothing of it.
    return found ? {} : { redactedBody: '' };
  }
  await handleServiceUserTurn(deps, contact, message, intent, lock, budget);
  return {};
}

/** A turn that saves no conversation: its reply count and, on WhatsApp, the window, in one write. */
async function saveTurnCounts(deps: CaseDeps, message: InboundMessage, replyLoop: ReturnType<typeof replyLoopToSave>): Promise<void> {
  const touch = message.channel === 'whatsapp' ? { channel: message.channel, at: message.receivedAt } : undefined;
  if (replyLoop) await deps.contacts.saveReplyLoop(message.phoneHash, replyLoop, touch);
  else if (touch) await deps.contacts.touchInbound(message.phoneHash, touch.channel, touch.at);
}
