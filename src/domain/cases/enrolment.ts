export type EnrolmentStatus =
  | 'pending-consent'
  | 'active'
  | 'declined'
  | 'consent-lapsed'
  | 'paused'
  | 'completed'
  | 'withdrawn'
  | 'discharged';

/**
 * consent-yes/no/lapse: the service-user's answer to the consent request (or none in time);
 * pause/resume/withdraw/done: a worker's commands (done = discharged from the service);
 * complete: the last timepoint is over; opt-out: the service-user texted STOP.
 */
export type EnrolmentAction = 'consent-yes' | 'consent-no' | 'consent-lapse' | 'pause' | 'resume' | 'withdraw' | 'done' | 'complete' | 'opt-out';

export type EnrolmentTransition = { readonly ok: true; readonly status: EnrolmentStatus } | { readonly ok: false; readonly reason: string };

/**
 * The enrolment life cycle. A refused transition is an answer, not an error: `reason` is written
 * to be texted straight back to the worker ("SU-0042 is already paused."). `reference` names the
 * person in reasons.
 */
export function transitionEnrolment(status: EnrolmentStatus, action: EnrolmentAction, reference = 'This person'): EnrolmentTransition {
  const next = transitions[action][status];
  return next === undefined ? { ok: false, reason: refusal(status, action, reference) } : { ok: true, status: next };
}

/**
 * START after the person's own STOP: the enrolment goes back to where their STOP found it (`stoppedFrom`,
 * recorded by the STOP), provided it is still where that STOP left it. An enrolment a worker
 * withdrew or discharged carries no such record and stays ended: only the person's STOP is theirs to undo.
 */
export function reinstateAfterOptOut(status: EnrolmentStatus, stoppedFrom: EnrolmentStatus | undefined, reference = 'This person'): EnrolmentTransition {
  if (stoppedFrom !== undefined && transitions['opt-out'][stoppedFrom] === status) return { ok: true, status: stoppedFrom };
  return { ok: false, reason: `${reference} was not stopped by their own STOP, so START does not restart it.` };
}

/** 42 -> "SU-0042": the pseudonymous reference staff use instead of a name or number. */
export function formatReference(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a service-user reference number is a whole number from 1, not ${n}`);
  return `SU-${String(n).padStart(4, '0')}`;
}

/** "SU-0042", "su42", "SU 42", "0042", "42" -> 42; anything else -> null. */
export function parseReference(text: string): number | null {
  const match = /^\s*(?:su[\s\-_#:.]*|#)?(\d{1,9})\s*$/i.exec(typeof text === 'string' ? text.normalize('NFKC') : '');
  const n = match?.[1] === undefined ? 0 : Number(match[1]);
  return n >= 1 ? n : null;
}

const transitions: Readonly<Record<EnrolmentAction, Partial<Record<EnrolmentStatus, EnrolmentStatus>>>> = {
  // A late YES after the request lapsed is still agreement to the words they were sent.
  'consent-yes': { 'pending-consent': 'active', 'consent-lapsed': 'active' },
  'consent-no': { 'pending-consent': 'declined', 'consent-lapsed': 'declined' },
  'consent-lapse': { 'pending-consent': 'consent-lapsed' },
  pause: { active: 'paused' },
  resume: { paused: 'active' },
  withdraw: { 'pending-consent': 'withdrawn', 'consent-lapsed': 'withdrawn', active: 'withdrawn', paused: 'withdrawn' },
  done: { active: 'discharged', paused: 'discharged' },
  complete: { active: 'completed', paused: 'completed' },
  // Someone who never agreed has declined; someone who had agreed has withdrawn.
  'opt-out': { 'pending-consent': 'declined', 'consent-lapsed': 'declined', active: 'withdrawn', paused: 'withdrawn' },
};

function refusal(status: EnrolmentStatus, action: EnrolmentAction, who: string): string {
  if (action === 'pause' && status === 'paused') return `${who} is already paused.`;
  if (action === 'resume' && status === 'active') return `${who} isn't paused, so there is nothing to resume.`;
  switch (status) {
    case 'pending-consent': {
      const cancel = action === 'done' || action === 'complete' ? ` To cancel the enrolment, text WITHDRAW ${who === 'This person' ? 'with their reference' : who}.` : '';
      return `${who} hasn't agreed to take part yet (we are waiting for their YES), so there is nothing to ${verbs[action]}.${cancel}`;
    }
    case 'consent-lapsed':
      return `${who} didn't reply to the request to take part. To ask again, enrol them again.`;
    case 'declined':
      return `${who} declined to take part. To ask again, enrol them again.`;
    case 'active':
    case 'paused':
      // Only a consent event can be refused here: they agreed before.
      return `${who} has already agreed to take part.`;
    case 'completed':
      return `${who} has already completed all their check-ins.`;
    case 'withdrawn':
      return `${who} has been withdrawn. To start again, enrol them again.`;
    case 'discharged':
      return `${who} has already been discharged. To start again, enrol them again.`;
  }
}

// Only pause, resume, done and complete can be refused before consent; the rest are for completeness.
const verbs: Readonly<Record<EnrolmentAction, string>> = {
  'consent-yes': 'agree to',
  'consent-no': 'decline',
  'consent-lapse': 'lapse',
  withdraw: 'withdraw',
  'opt-out': 'stop',
  pause: 'pause',
  resume: 'resume',
  done: 'discharge',
  complete: 'complete',
};
