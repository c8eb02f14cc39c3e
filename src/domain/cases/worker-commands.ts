import { formatReference, parseReference } from './enrolment.js';

export type WorkerCommand =
  /** `programmeAndLabel`: the words after the number, as typed; matchProgramme splits them. */
  | { readonly kind: 'enrol'; readonly phone: string; readonly programmeAndLabel?: string }
  | { readonly kind: 'status' }
  /** Managers' and admins' figures: the ISO week so far, or the last complete one (the Monday summary's). */
  | { readonly kind: 'report'; readonly week: 'this' | 'last' }
  | { readonly kind: ReferenceVerb; readonly reference: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'not-a-command' };

export type ReferenceVerb = 'pause' | 'resume' | 'withdraw' | 'done' | 'ack';

/**
 * Read a text from a worker. Forgiving about case, spelling of ENROL, punctuation and how numbers
 * and references are written; strict about meaning: an ENROL without a number, or a PAUSE without
 * a reference, is `invalid` with a reason to text back, never a guess. The phone number is returned
 * as typed (phone-number.ts normalises it), and so are the words after it: an optional programme
 * then an optional label. Where one ends and the other starts depends on the programmes there are
 * ("wellbeing check Priya", "wellbeing Priya", "Priya"), so matchProgramme decides, not the parser.
 */
export function parseWorkerCommand(text: string): WorkerCommand {
  const clean = (typeof text === 'string' ? text : '')
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const match = /^([a-z]+)(?=[^a-z]|$)[\s:,.!-]*(.*)$/i.exec(clean);
  const verb = verbs.get(match?.[1]?.toLowerCase() ?? '');
  if (clean === '?' || verb === 'help') return { kind: 'help' };
  if (!match || !verb) return { kind: 'not-a-command' };
  const rest = match[2] ?? '';
  if (verb === 'status') return { kind: 'status' };
  if (verb === 'report') return parseReport(rest);
  if (verb === 'enrol') return parseEnrol(rest);
  return parseReferenceCommand(verb, rest);
}

const enrolHint = 'To enrol someone, text ENROL followed by their mobile number, e.g. ENROL 07700 900123';

const verbs = new Map<string, ReferenceVerb | 'enrol' | 'status' | 'report' | 'help'>([
  ...['enrol', 'enroll', 'enrole', 'enroled', 'enrolled'].map((word) => [word, 'enrol'] as const),
  ['status', 'status'],
  ['report', 'report'],
  ['reports', 'report'],
  ['help', 'help'],
  ['commands', 'help'],
  ['pause', 'pause'],
  ['resume', 'resume'],
  ['unpause', 'resume'],
  ['withdraw', 'withdraw'],
  ['done', 'done'],
  ['discharge', 'done'],
  ['discharged', 'done'],
  ['ack', 'ack'],
  ['acknowledge', 'ack'],
  ['acknowledged', 'ack'],
]);

function parseEnrol(rest: string): WorkerCommand {
  const tokens = rest.split(' ').filter((token) => token !== '');
  const phoneTokens: string[] = [];
  // The number is the run of number-like words; a comma after one ends it ("07700 900123, anxiety").
  while (tokens.length > 0 && /^[+\d\-().]+,?$/.test(tokens[0] ?? '')) {
    const token = tokens.shift() ?? '';
    phoneTokens.push(token.replace(/,$/, ''));
    if (token.endsWith(',')) break;
  }
  const phone = phoneTokens.join(' ');
  const digits = phone.replace(/\D/g, '').length;
  if (digits === 0) return { kind: 'invalid', reason: enrolHint };
  if (digits < 7 || digits > 17 || !/^\+?[\d\s\-().]+$/.test(phone)) {
    return { kind: 'invalid', reason: `"${phone}" doesn't look like a mobile number. ${enrolHint}` };
  }
  const words = tokens.join(' ').replace(/^[,;:\s]+/, '').trim();
  return { kind: 'enrol', phone, ...(words === '' ? {} : { programmeAndLabel: words }) };
}

/** "REPORT", "report this week", "REPORT LAST", "report last week", "Report: last week's". */
function parseReport(rest: string): WorkerCommand {
  const words = rest.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter((word) => word !== '' && word !== 'week' && word !== 's');
  if (words.length === 0 || (words.length === 1 && words[0] === 'this')) return { kind: 'report', week: 'this' };
  if (words.length === 1 && words[0] === 'last') return { kind: 'report', week: 'last' };
  return { kind: 'invalid', reason: 'Text REPORT for this week so far, or REPORT LAST for last week.' };
}

function parseReferenceCommand(verb: ReferenceVerb, rest: string): WorkerCommand {
  const hint = `text ${verb.toUpperCase()} followed by their reference, e.g. ${verb.toUpperCase()} SU-0042`;
  // "SU 42" and "SU-0042" alike; anything after the reference is a note and is ignored.
  const match = /^((?:su[\s\-_#:.]*|#)?\d{1,9})(?=\D|$)[\s,;:.!-]*(.*)$/i.exec(rest.trim());
  const number = match?.[1] === undefined ? null : parseReference(match[1]);
  if (rest.trim() === '') return { kind: 'invalid', reason: `Which person? Please ${hint}.` };
  if (number === null) return { kind: 'invalid', reason: `"${rest.trim()}" isn't a reference. Please ${hint}.` };
  if (parseReference((match?.[2] ?? '').split(/[\s,;]+/)[0] ?? '') !== null) {
    return { kind: 'invalid', reason: `Please send one reference at a time: ${hint}.` };
  }
  return { kind: verb, reference: formatReference(number) };
}
