import { countSmsSegments } from '../messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';

/**
 * The first text to someone whose consent a worker took in person, before the first question: who
 * is texting (the organisation and the worker they agreed with), how many short questions, and
 * how to go back, pause or stop, as the consent request and its thank-you say on the usual path.
 * Within two SMS segments: long names are cut rather than the text growing.
 */
export function inPersonWelcome(details: { orgName: string; workerName: string; itemCount: number }, maxSegments = 2): string {
  const { itemCount } = details;
  const compose = (org: string, worker: string) => normaliseToGsm7(
    `Hello from ${withFullStop(org)} As agreed with ${worker}, here ${itemCount === 1 ? 'is 1 short question' : `are ${itemCount} short questions`} about how you are doing, one text at a time. ` +
      'Reply BACK to change an answer, LATER to stop for now, or STOP to stop messages.',
  );
  const org = flat(details.orgName);
  const worker = flat(details.workerName);
  for (const [orgLength, workerLength] of [[Infinity, Infinity], [Infinity, 20], [40, 20], [25, 12]] as const) {
    const text = compose(cut(org, orgLength), cut(worker, workerLength));
    if (countSmsSegments(text).segments <= maxSegments) return text;
  }
  return compose(cut(org, 25), 'your worker');
}

function flat(text: string): string {
  return normaliseToGsm7(text).replace(/\s+/g, ' ').trim();
}

function cut(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}.`;
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
