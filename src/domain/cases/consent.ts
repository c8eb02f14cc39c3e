import { countSmsSegments } from '../messaging/count-sms-segments.js';
import { matchReplyCommand } from '../measures/match-reply-command.js';
import { normaliseReply } from '../measures/normalise-reply.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';

export interface ConsentRequestDetails {
  readonly orgName: string;
  readonly workerName: string;
  readonly measureTitle: string;
  readonly itemCount: number;
  /** When we will ask, in words: "now and again in about 6 and 12 weeks". */
  readonly schedule: string;
  readonly channel: 'sms' | 'whatsapp';
}

export interface ConsentRequest {
  readonly text: string;
  /** Stored with the consent, so we can always show which words someone agreed to. */
  readonly version: 'consent-v1';
}

export type ConsentReply = 'yes' | 'no' | 'stop' | 'help' | 'unclear';

/**
 * The first message a service-user gets: who is asking (organisation and worker), what (how many
 * questions, which measure), when, on which channel, who sees the answers, how to stop, and a
 * YES/NO question. It must fit in 3 SMS segments, so long names fall back to shorter wordings
 * (and in the end are cut) rather than the message growing.
 */
export function consentRequest(details: ConsentRequestDetails): ConsentRequest {
  const candidates = [
    wording(details, 'full'),
    wording(details, 'no-title'),
    wording(details, 'org-once'),
    wording(shortNames(details), 'org-once'),
  ];
  const text = candidates.find((candidate) => countSmsSegments(candidate).segments <= maxSegments) ?? candidates[candidates.length - 1] ?? '';
  return { text, version: 'consent-v1' };
}

/**
 * What a reply to the consent request means. Only a clear yes is consent: a reply that mixes yes
 * and no, or hedges ("not sure", "no idea", "no problem"), is unclear and gets asked again. Any
 * opt-out keyword on its own (however spelt out), and STOP, UNSUBSCRIBE, OPTOUT, "opt out" or
 * REVOKE anywhere in the reply, is an opt-out, because missing one is worse than misreading one.
 */
export function readConsentReply(text: string): ConsentReply {
  const normalised = normaliseReply(typeof text === 'string' ? text : '')
    .replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(/[\u{1F44D}\u{1F44C}\u2705\u2714\u2611]/gu, ' yes ')
    .replace(/[\u{1F44E}\u274C\u2716\u{1F6AB}]/gu, ' no ');
  const command = matchReplyCommand(normalised);
  const words = normalised.split(/[^\p{L}']+/u).map((word) => word.replace(/^'+|'+$/g, '')).filter((word) => word !== '');
  if (command === 'STOP' || words.some((word, i) => stopWords.has(word) || (word === 'opt' && words[i + 1] === 'out'))) return 'stop';
  if (command === 'HELP') return 'help';
  while (words.length > 0 && politeness.has(words[words.length - 1] ?? '')) words.pop();
  while (words.length > 0 && (politeness.has(words[0] ?? '') || fillers.has(words[0] ?? ''))) words.shift();
  // "yes no problem" is a yes; "no problem" alone is too casual to count as consent.
  const phrase = words.join(' ').replace(/\b(no problem|no worries|not a problem)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (phrase === '' || normalised.includes('?') || startsWithAny(phrase, hedges)) return 'unclear';
  if (startsWithAny(phrase, noPhrases)) return 'no';
  const [first = '', ...rest] = phrase.split(' ');
  const yesLead = yesPhrases.find((lead) => startsWithAny(phrase, [lead])) ?? (yesWords.has(first) ? first : undefined);
  if (yesLead !== undefined) {
    const after = phrase.split(' ').slice(yesLead.split(' ').length);
    return after.some((word) => negations.has(word)) ? 'unclear' : 'yes';
  }
  if (noWords.has(first) && !rest.some((word) => yesWords.has(word) && !politeYes.has(word))) return 'no';
  return 'unclear';
}

const maxSegments = 3;

function wording(details: ConsentRequestDetails, form: 'full' | 'no-title' | 'org-once'): string {
  const { orgName, workerName, itemCount, schedule, channel } = details;
  const title = form === 'full' ? ` (${shortTitle(details.measureTitle)})` : '';
  const questions = `${itemCount} short ${itemCount === 1 ? 'question' : 'questions'}${title}`;
  const by = channel === 'whatsapp' ? 'on WhatsApp' : 'by text message';
  const keeper = form === 'org-once' ? 'us' : orgName;
  return normaliseToGsm7(
    `Hello from ${withFullStop(orgName)} ${workerName} would like to check how you are getting on by sending you ${questions} ${by}, ${schedule}. ` +
      `Your answers are kept securely by ${keeper} and help us improve your support. ` +
      'You can reply STOP at any time to stop the messages. Is that OK? Please reply YES or NO.',
  );
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// "PHQ-9 (Patient Health Questionnaire, depression)" -> "PHQ-9": the long form is jargon in a text.
function shortTitle(title: string): string {
  return title.replace(/\s*\(.*$/, '').trim() || title.trim();
}

function shortNames(details: ConsentRequestDetails): ConsentRequestDetails {
  const cut = (name: string, length: number): string => (name.length <= length ? name : `${name.slice(0, length - 3).trimEnd()}...`);
  return { ...details, orgName: cut(details.orgName.trim(), 40), workerName: cut(details.workerName.trim(), 30), schedule: cut(details.schedule.trim(), 80) };
}

// Words with no meaning but "stop" (unlike cancel, end and quit, which count only on their own).
const stopWords = new Set(['stop', 'stopall', 'unsubscribe', 'optout', 'revoke']);
const politeness = new Set(['please', 'pls', 'plz', 'thanks', 'thank', 'you', 'thx', 'ty', 'ta', 'cheers', 'x', 'xx', 'xxx', 'mate', 'love']);
const fillers = new Set(['hi', 'hello', 'hiya', 'hey', 'oh', 'um', 'umm', 'erm', 'er', 'ah', 'well']);
// Openings that sound like yes or no but are neither.
const hedges = ['not sure', 'unsure', 'no idea', 'no problem', 'no worries', 'not a problem', 'dunno', "don't know", 'dont know', 'maybe', 'perhaps', 'i think so', 'not yet', 'not now'];
const yesWords = new Set(['yes', 'y', 'yeah', 'yea', 'yeh', 'yep', 'yup', 'ya', 'yah', 'aye', 'ok', 'okay', 'okey', 'k', 'kk', 'sure', 'agree', 'agreed', 'fine', 'alright', 'absolutely', 'definitely', 'certainly', 'consent']);
// Words that are yes on their own but in "no I'm fine" are only polite.
const politeYes = new Set(['fine', 'ok', 'okay', 'alright', 'sure']);
const noWords = new Set(['no', 'n', 'nope', 'nah', 'nay', 'never', 'decline', 'declined', 'disagree', 'refuse']);
const negations = new Set(['no', 'not', 'nope', 'nah', 'never', "don't", 'dont', "won't", 'wont', "can't", 'cant', "isn't", 'n', 'but']);
const yesPhrases = [
  'of course', 'go ahead', 'go on', 'go on then', 'i agree', 'i consent', 'i do', 'happy to', "i'm happy to", 'im happy to',
  "that's fine", 'thats fine', "that's ok", 'thats ok', 'sounds good', 'all right', 'why not',
];
const noPhrases = [
  'not interested', "i'm not interested", 'im not interested', "i don't agree", 'i dont agree', 'i do not agree', "don't agree",
  "i don't want", "don't want", 'i dont want', 'dont want', 'i do not want', 'rather not', "i'd rather not", 'id rather not',
  'no way', 'not for me', 'i decline', 'i disagree', 'leave me alone', 'not really', 'not at all', "i'd rather you didn't",
];

function startsWithAny(phrase: string, leads: readonly string[]): boolean {
  return leads.some((lead) => phrase === lead || phrase.startsWith(`${lead} `));
}
