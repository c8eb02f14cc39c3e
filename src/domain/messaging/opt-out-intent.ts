import { matchReplyCommand } from '../measures/match-reply-command.js';
import { normaliseReply } from '../measures/normalise-reply.js';

export type OptOutIntent = 'stop' | 'start' | 'help';

/**
 * Whether an inbound message opts out, back in, or asks for help. Twilio's Advanced Opt-Out tells
 * us directly (OptOutType); otherwise the carriers' keyword family is read from the body.
 */
export function optOutIntent(body: string, optOutType?: string): OptOutIntent | null {
  const fromProvider = optOutType?.trim().toLowerCase();
  if (fromProvider === 'stop' || fromProvider === 'start' || fromProvider === 'help') return fromProvider;
  const command = matchReplyCommand(normaliseReply(body));
  if (command === 'STOP') return 'stop';
  if (command === 'START') return 'start';
  if (command === 'HELP') return 'help';
  return null;
}
