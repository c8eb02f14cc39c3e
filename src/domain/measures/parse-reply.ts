import { describeExpectedAnswer } from './describe-expected-answer.js';
import type { MeasureItem } from './measure.js';
import { matchOptionPhrase } from './match-option-phrase.js';
import { matchReplyCommand } from './match-reply-command.js';
import type { ReplyCommand } from './match-reply-command.js';
import { normaliseReply } from './normalise-reply.js';
import { optionRange } from './option-range.js';
import { readReplyNumber } from './read-reply-number.js';

export type ParsedReply =
  | { readonly kind: 'answer'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'command'; readonly command: ReplyCommand };

/**
 * Read a text reply to one item. Never throws: a reply we cannot read is an `invalid` result whose
 * reason can be sent back as the re-prompt. We would rather ask again than store a guess, so two
 * answers in one reply, or a number that is not an option, are refused with a reason.
 */
export function parseReply(reply: string, item: MeasureItem, language?: string): ParsedReply {
  const text = typeof reply === 'string' ? normaliseReply(reply) : '';
  const expected = describeExpectedAnswer(item);
  const invalid = (reason: string): ParsedReply => ({ kind: 'invalid', reason });
  if (text === '') return invalid(`Please reply with ${expected}.`);
  const command = matchReplyCommand(text);
  if (command === 'SKIP' && !item.optional) return invalid(`This question can't be skipped. Please reply with ${expected}.`);
  if (command) return { kind: 'command', command };

  // "No idea", "not sure", "dunno": the person cannot choose. Reading "no idea" as the answer "no"
  // (Not at all) would store a guess, so ask again and say a best guess is welcome.
  if (uncertain.test(text)) return invalid(`That's OK: please choose the answer that fits best. Reply with ${expected}.`);
  const phrase = matchOptionPhrase(text, item, language);
  if (phrase.kind === 'exact') return { kind: 'answer', value: phrase.value };
  // A number inside the phrase ("once or twice", "a day or two") is part of it, not a second answer.
  const number = readReplyNumber(phrase.kind === 'contained' ? phrase.rest : text, optionRange(item.options).max);
  const ambiguous = invalid(`Please choose just one answer: reply with ${expected}.`);
  if (number.kind === 'several' || phrase.kind === 'several') return ambiguous;
  if (number.kind === 'fraction') return invalid(`Please reply with a whole number: ${expected}.`);
  if (number.kind === 'one') {
    const named = phrase.kind === 'contained' || phrase.kind === 'misspelt' ? phrase.value : number.value;
    if (named !== number.value) return ambiguous;
    if (!item.options.some((option) => option.value === number.value)) {
      const shown = Math.abs(number.value) < 10_000 ? String(number.value) : 'That';
      return invalid(`${shown} isn't one of the answers. Please reply with ${expected}.`);
    }
    return { kind: 'answer', value: number.value };
  }
  if (phrase.kind === 'contained' || phrase.kind === 'misspelt') return { kind: 'answer', value: phrase.value };
  if (phrase.kind === 'negated') return invalid(`Sorry, I couldn't tell which answer you meant. Please reply with ${expected}.`);
  return invalid(`Sorry, I didn't understand that. Please reply with ${expected}.`);
}

const uncertain = /\b(no idea|no clue|not sure|unsure|dunno|don'?t know|do not know|idk)\b/;
