import { countSmsSegments } from '../messaging/count-sms-segments.js';
import { normaliseToGsm7 } from '../messaging/normalise-to-gsm7.js';

export interface WorkerDigestInput {
  readonly workerName: string;
  readonly orgName: string;
  /** References (SU-0042) whose window closed without an answer since they were last told (digestNews). */
  readonly lapsed: readonly string[];
  /** References whose follow-up falls due today. */
  readonly dueToday: readonly string[];
  /** Follow-ups newly within the next 7 days, by reference. */
  readonly dueThisWeek: ReadonlyArray<{ readonly reference: string; readonly dueAt: Date }>;
  /** References with a safeguarding alert nobody has acknowledged. */
  readonly openAlerts: readonly string[];
  /** References whose number looks wrong (repeatedly undeliverable), newly found. */
  readonly wrongNumbers?: readonly string[];
  readonly timeZone: string;
}

const maxSegments = 2;

/**
 * A worker's daily nudge: open alerts first, then whose number looks wrong ("SU-0042: this number
 * looks wrong"), who lapsed, who is due today, and who is newly due within the week (digestNews
 * decides what is new).
 * People are named by reference only; the text never carries a phone number or a health answer.
 * Always GSM-7 and at most two segments: the longest list is cut first ("and 3 more"), down to one
 * name per list. Null when there is nothing to say, so nobody is texted about nothing.
 */
export function workerDigest(input: WorkerDigestInput): string | null {
  const alerts = unique(input.openAlerts.map(clean));
  const lapsed = unique(input.lapsed.map(clean));
  const today = unique(input.dueToday.map(clean));
  const wrong = unique((input.wrongNumbers ?? []).map(clean));
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: input.timeZone });
  const due = [...input.dueThisWeek]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.reference.localeCompare(b.reference))
    .map((item) => `${clean(item.reference)} ${day.format(item.dueAt)}`);
  if (alerts.length + wrong.length + lapsed.length + today.length + due.length === 0) return null;

  // Cutting order on ties: the week ahead first, then today's, then lapses; alerts matter most.
  const lists = [
    { label: 'Open alerts', items: alerts, shown: initiallyShown(alerts), after: ' Text ACK and the reference once dealt with.' },
    // The references lead here: "SU-0042: this number looks wrong." (texts to it are not getting through).
    { label: '', items: wrong, shown: initiallyShown(wrong), after: '' },
    { label: 'Lapsed', items: lapsed, shown: initiallyShown(lapsed), after: '' },
    { label: 'Due today', items: today, shown: initiallyShown(today), after: '' },
    { label: 'Due in the next 7 days', items: due, shown: initiallyShown(due), after: '' },
  ];
  const header = `Hi ${shorten(input.workerName, 20)}, your ${shorten(input.orgName, 30)} update.`;
  let hints = true;
  for (;;) {
    const lines = lists.filter((list) => list.items.length > 0).map((list) => describe(list, hints));
    const text = [header, ...lines, ...(hints ? ['Text STATUS for your full list.'] : [])].join('\n');
    if (countSmsSegments(text).segments <= maxSegments) return text;
    const longest = lists.reduce((a, b) => (b.shown >= a.shown ? b : a));
    if (longest.shown > 1) longest.shown -= 1;
    // One name per list with every field capped fits two segments once the hints go.
    else if (hints) hints = false;
    else return text;
  }
}

function describe(list: { label: string; items: readonly string[]; shown: number; after: string }, hints: boolean): string {
  const more = list.items.length - list.shown;
  const names = list.items.slice(0, list.shown).join(', ');
  if (list.label === '') {
    const several = list.items.length > 1;
    const hint = several ? ' Please check the numbers with them.' : ' Please check the number with them.';
    return `${names}${more > 0 ? ` and ${more} more` : ''}: ${several ? 'these numbers look' : 'this number looks'} wrong.${hints ? hint : ''}`;
  }
  return `${list.label}: ${names}${more > 0 ? ` and ${more} more` : ''}.${hints ? list.after : ''}`;
}

/**
 * GSM-7, one line, capped. Runs of digits long enough to be a phone number are blanked: a number
 * passed in place of a reference by mistake must still never reach a text.
 */
function clean(text: string): string {
  const redacted = text.replace(/\+?\d[\d\s().-]{7,}\d/g, (run) => (run.replace(/\D/g, '').length >= 9 ? '(number removed)' : run));
  return shorten(redacted, 16);
}

function shorten(text: string, length: number): string {
  const characters = [...normaliseToGsm7(text).replace(/\s+/g, ' ').trim()];
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('').trimEnd()}.`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items.filter((item) => item !== ''))];
}

/** Each reference costs at least three septets with its ", ", so no more than 102 can ever fit: start there, not at thousands. */
function initiallyShown(items: readonly string[]): number {
  return Math.min(items.length, Math.floor((maxSegments * 153) / 3));
}
