import { countSmsSegments } from '../messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';

/** Why a text for a worker goes to the managers instead. */
export type UnreachableWorker =
  | { readonly why: 'opted-out'; readonly workerName: string }
  | { readonly why: 'not-on-staff'; readonly reference: string };

/**
 * A worker's text as a manager gets it when the worker cannot (they texted STOP, or they are no
 * longer on the staff list): the text itself first, so an URGENT alert still reads as one, then
 * why it comes to them ("Alex Morgan has opted out of texts, so this alert comes to you."). A long
 * worker name is cut to keep the text within `maxSegments` when the text alone fits them.
 */
export function redirectedToManagers(text: string, worker: UnreachableWorker, kind: 'alert' | 'message', maxSegments = 2): string {
  const compose = (name: string) => {
    const who = worker.why === 'opted-out' ? `${name} has opted out of texts` : `${worker.reference}'s worker is no longer on the staff list`;
    return `${text}\n${who}, so this ${kind} comes to you.`;
  };
  const name = [...normaliseToGsm7(worker.why === 'opted-out' ? worker.workerName : '').replace(/\s+/g, ' ').trim()];
  for (let length = Math.min(name.length, 40); length > 0; length--) {
    const cut = length === name.length ? name.join('') : `${name.slice(0, length - 1).join('').trimEnd()}.`;
    if (countSmsSegments(compose(cut)).segments <= maxSegments) return compose(cut);
  }
  return compose(worker.why === 'opted-out' ? 'Their worker' : '');
}
