export type ReplyCommand = 'BACK' | 'SKIP' | 'HELP' | 'LATER' | 'STOP' | 'START';

/**
 * The command a (normalised) reply asks for, if any. People wrap commands in politeness ("stop
 * please", "help me thanks"), so those words are ignored at either end; a reply that starts with
 * STOP or UNSUBSCRIBE is always an opt-out, because missing one is worse than misreading one.
 */
export function matchReplyCommand(text: string): ReplyCommand | undefined {
  if (/^[?\s]+$/.test(text)) return 'HELP';
  const words = text.split(/[^\p{L}]+/u).filter((word) => word !== '');
  while (words.length > 0 && politeness.has(words[0] ?? '')) words.shift();
  while (words.length > 0 && politeness.has(words[words.length - 1] ?? '')) words.pop();
  const first = words[0];
  if (first === 'stop' || first === 'stopall' || first === 'unsubscribe') return 'STOP';
  // "back 2" or "later 3" is more likely an answer with a remark than a command.
  if (/\d/.test(text)) return undefined;
  return commands.get(words.join(' '));
}

const politeness = new Set(['please', 'pls', 'plz', 'thanks', 'thank', 'you', 'thx', 'ty', 'cheers', 'sorry']);

const commands = new Map<string, ReplyCommand>([
  ...(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'stop all', 'opt out'] as const).map(
    (word) => [word, 'STOP'] as const,
  ),
  ...(['start', 'unstop'] as const).map((word) => [word, 'START'] as const),
  ...(['back', 'go back', 'previous', 'undo'] as const).map((word) => [word, 'BACK'] as const),
  ...(['skip', 'pass', 'skip it', 'skip this', 'skip this one', 'skip question'] as const).map((word) => [word, 'SKIP'] as const),
  ...(['help', 'help me', 'info'] as const).map((word) => [word, 'HELP'] as const),
  ...(['later', 'not now', 'busy', 'remind me later', 'ask me later', 'maybe later', 'later on'] as const).map(
    (word) => [word, 'LATER'] as const,
  ),
]);
