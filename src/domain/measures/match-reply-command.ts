import { commandWords } from './command-words.js';

export type ReplyCommand = 'BACK' | 'SKIP' | 'HELP' | 'LATER' | 'STOP' | 'START';

/**
 * The command a (normalised) reply asks for, if any. People wrap commands in politeness ("stop
 * please", "help me thanks"), so those words are ignored at either end, and spell keywords out
 * ("S T O P", "s.t.o.p", "opt-out"), so a reply that is nothing but a keyword's letters is that
 * keyword. A reply that starts with STOP, UNSUBSCRIBE, OPTOUT or REVOKE is always an opt-out,
 * because missing one is worse than misreading one; the other opt-out words (CANCEL, END, QUIT)
 * are ordinary words too, so they count only on their own: "at the end of the day I feel ok" is
 * an answer.
 */
export function matchReplyCommand(text: string): ReplyCommand | undefined {
  if (/^[?\s]+$/.test(text)) return 'HELP';
  const words = commandWords(text);
  if (startsWithOptOut(words)) return 'STOP';
  // "back 2" or "later 3" is more likely an answer with a remark than a command.
  if (/\d/.test(text)) return undefined;
  return carrierKeywords.get(words.join('')) ?? commands.get(words.join(' '));
}

/**
 * The keywords carriers and Twilio honour by default (Twilio's opt-out list is STOP, STOPALL,
 * UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT; opt-in START, UNSTOP; help HELP, INFO), matched
 * on their letters alone so "stop all", "opt out" and "S-T-O-P" count. Twilio's third opt-in word,
 * YES, is deliberately absent: it is also the answer to our consent request (see opt-out-intent.ts).
 */
const carrierKeywords = new Map<string, ReplyCommand>([
  ...(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout'] as const).map((word) => [word, 'STOP'] as const),
  ...(['start', 'unstop'] as const).map((word) => [word, 'START'] as const),
  ...(['help', 'info'] as const).map((word) => [word, 'HELP'] as const),
]);

/** Words that mean nothing but "stop" at the start of a reply ("stop texting me", "revoke my consent"). */
const optOutLeads = new Set(['stop', 'stopall', 'unsubscribe', 'optout', 'revoke']);

function startsWithOptOut(words: readonly string[]): boolean {
  const [first = '', second = ''] = words;
  return optOutLeads.has(first) || (first === 'opt' && second === 'out');
}

const commands = new Map<string, ReplyCommand>([
  ...(['back', 'go back', 'previous', 'undo'] as const).map((word) => [word, 'BACK'] as const),
  ...(['skip', 'pass', 'skip it', 'skip this', 'skip this one', 'skip question'] as const).map((word) => [word, 'SKIP'] as const),
  ...(['help me'] as const).map((word) => [word, 'HELP'] as const),
  ...(['later', 'not now', 'busy', 'remind me later', 'ask me later', 'maybe later', 'later on'] as const).map(
    (word) => [word, 'LATER'] as const,
  ),
]);
