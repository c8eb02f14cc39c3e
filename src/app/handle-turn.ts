import { optOutIntent } from '../domain/messaging/opt-out-intent.js';
import type { MessagePurpose } from '../domain/messaging/delivery-plan.js';
import type { Clock, ContactBook } from './ports.js';

export interface TurnReply {
  text: string;
  purpose: MessagePurpose;
}

/**
 * The bot's decision for one inbound message. Opt-out comes first and always wins: STOP suppresses
 * the number and confirms once; START lifts it; HELP names the organisation and how to stop.
 * Everything else is the conversation's business (the conversation issue); until then the bot
 * acknowledges what it received.
 */
export async function handleTurn(
  deps: { contacts: ContactBook; clock: Clock; orgName: string },
  message: { phoneHash: string; body: string; optOutType?: string },
): Promise<TurnReply[]> {
  const intent = optOutIntent(message.body, message.optOutType);
  if (intent === 'stop') {
    await deps.contacts.suppress(message.phoneHash, 'STOP', deps.clock.now());
    return [{ text: `You won't get any more messages from ${deps.orgName}. Reply START if you change your mind.`, purpose: 'opt-out-confirmation' }];
  }
  if (intent === 'start') {
    await deps.contacts.unsuppress(message.phoneHash);
    return [{ text: `Welcome back: ${deps.orgName} can message you again. Reply STOP at any time to stop.`, purpose: 'opt-out-confirmation' }];
  }
  if (await deps.contacts.isSuppressed(message.phoneHash)) return [];
  if (intent === 'help') {
    return [{ text: `${deps.orgName}: this number sends short wellbeing questions for your support worker. Reply STOP to stop, START to start again.`, purpose: 'reply' }];
  }
  return [{ text: `${deps.orgName} got your message: "${truncate(message.body, 80)}"`, purpose: 'reply' }];
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
