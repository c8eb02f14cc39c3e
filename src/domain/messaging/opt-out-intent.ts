import { commandWords } from '../measures/command-words.js';
import { matchReplyCommand } from '../measures/match-reply-command.js';
import { normaliseReply } from '../measures/normalise-reply.js';

export type OptOutIntent = 'stop' | 'start' | 'help';

/**
 * Whether an inbound message opts out, back in, or asks for help, on any channel (Twilio applies
 * its opt-out keywords to SMS only, never WhatsApp, so the body is always read as well). Twilio's
 * Advanced Opt-Out may tell us directly (OptOutType); an opt-out from either source wins.
 *
 * YES is one of Twilio's opt-in words, and Twilio reports it as OptOutType START, but it is also
 * the answer our consent request asks for. So for someone who is not suppressed a YES is no
 * keyword at all (the consent reader takes it). For someone who is suppressed it is not START
 * either: the last thing they were sent was "You won't get any more messages... Reply START", to
 * which "yes" is as likely an acknowledgement as a change of mind, and messaging someone who asked
 * us to stop is the worse mistake. It reads as a request for help, so they are told they are opted
 * out and that START brings the messages back.
 */
export function optOutIntent(message: { body: string; optOutType?: string }, suppressed: boolean): OptOutIntent | null {
  const fromProvider = message.optOutType?.trim().toLowerCase();
  const text = normaliseReply(typeof message.body === 'string' ? message.body : '');
  const command = matchReplyCommand(text);
  if (fromProvider === 'stop' || command === 'STOP') return 'stop';
  if (isYes(text)) return suppressed ? 'help' : null;
  if (fromProvider === 'start' || command === 'START') return 'start';
  if (fromProvider === 'help' || command === 'HELP') return 'help';
  return null;
}

function isYes(text: string): boolean {
  return !/\d/.test(text) && commandWords(text).join('') === 'yes';
}
