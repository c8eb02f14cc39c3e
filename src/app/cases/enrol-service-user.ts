import { randomUUID } from 'node:crypto';
import { quoteForSms } from '../../domain/messaging/quote-for-sms.js';
import { consentRequest } from '../../domain/cases/consent.js';
import { inPersonWelcome } from '../../domain/cases/in-person-welcome.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import { matchProgramme } from '../../domain/cases/match-programme.js';
import { withProgrammeList } from '../../domain/cases/with-programme-list.js';
import { normalisePhoneNumber } from '../../domain/messaging/phone-number.js';
import { nextSendableInstant } from '../../domain/schedule/next-sendable-instant.js';
import type { Conversation, Enrolment } from '../ports/case-store.js';
import type { Programme } from '../ports/programme-catalogue.js';
import type { StaffMember } from '../ports/staff-directory.js';
import type { CaseDeps } from './case-deps.js';
import { describePlan } from './describe-plan.js';
import { scheduleConsentChase } from '../scheduling/chase-consent.js';
import { commitTurn } from './commit-turn.js';
import { openBaseline } from './open-baseline.js';
import { assessmentMeasures, questionSetOfAssessment } from './programme-for.js';
import { scopeToTurn } from './scope-to-turn.js';
import type { TurnAction } from './turn-action.js';
import { enrolmentSnapshot } from './step-questionnaire.js';
import { withNumberLock } from './with-number-lock.js';

export type EnrolResult =
  | { ok: true; reference: string; enrolment: Enrolment; programme: Programme; consentRequested: boolean }
  | { ok: false; reason: string; status: 400 | 403 | 404 | 409; field?: 'phone' | 'programme' };

/**
 * ENROL by text or the API: checks the number and the programme, allocates the person's SU
 * reference, starts one live enrolment, and sends the consent request, inside the send window.
 * Consent taken in person skips the request and starts the baseline at once. A number someone
 * already holds is refused without telling a worker whose it is (see alreadyEnrolled).
 */
export async function enrolServiceUser(
  deps: CaseDeps,
  input: {
    worker: StaffMember; phone: string; channel?: Channel; consentInPerson?: boolean;
    /** A programme named outright (the API's field): it must name one. */
    programme?: string;
    label?: string;
    /** ENROL's words after the number: a programme may lead, and the rest is a label (see chooseProgramme). */
    programmeAndLabel?: string;
    /** Who asked, when not the worker themselves: the admin token, or staff enrolling for a worker. */
    askedBy?: StaffMember | 'admin';
    /** The enrolment's id when the caller keys it (ENROL by text: from the message, so a replay finds its own). */
    enrolmentId?: string;
  },
): Promise<EnrolResult> {
  const phone = normalisePhoneNumber(input.phone);
  if (!phone.ok) return { ok: false, reason: phone.reason, status: 400, field: 'phone' };
  const phoneHash = deps.phones.hash(phone.e164);
  const known = await deps.contacts.get(phoneHash);
  if (known?.staffId) return { ok: false, reason: 'That number belongs to a member of staff.', status: 409 };
  if (known ? known.suppressed : await deps.contacts.isSuppressed(phoneHash)) {
    return { ok: false, reason: 'That number has opted out of our messages (STOP). They can text START to this number to opt back in.', status: 409 };
  }
  const chosen = await chooseProgramme(deps, input);
  if (!chosen.ok) return chosen;
  const { programme, label } = chosen;
  const baseline = assessmentMeasures(programme, 'baseline');
  const found = questionSetOfAssessment(deps.measures, baseline);
  if (!found) return { ok: false, reason: `Programme ${programme.name} uses measure ${baseline.measureId}, which is not loaded.`, status: 409 };

  const measure = found.asked;
  const now = deps.clock.now();
  const person = await deps.cases.serviceUserFor({ phoneHash, phoneEnc: deps.phones.encrypt(phone.e164), labelEnc: label ? deps.phones.encrypt(label) : undefined, at: now });
  const channel = input.channel ?? 'sms';
  const enrolment: Enrolment = {
    id: input.enrolmentId ?? randomUUID(), serviceUserId: person.id, reference: person.reference, workerId: input.worker.id, programmeId: programme.id,
    channel, status: 'pending-consent', phoneHash, planVersion: programme.planVersion ?? 1, createdAt: now, updatedAt: now,
  };
  const started = await deps.cases.startEnrolment(enrolment);
  // Our own enrolment (the same text, replayed after a crash) carries on where it stopped.
  if (!started.started && started.existing.id !== enrolment.id) {
    return { ok: false, reason: await alreadyEnrolled(deps, started.existing, input.askedBy ?? input.worker), status: 409 };
  }
  await deps.audit.record({ actor: input.worker.id, action: 'enrolment.start', subject: enrolment.id, at: now, details: { reference: person.reference, programme: programme.slug, channel } });
  // The person's record is theirs to write only under their lock: they may be texting right now.
  return withNumberLock(deps, phoneHash, async () => {
    const current = (await deps.contacts.get(phoneHash))?.conversation;
    const snapshot = enrolmentSnapshot(enrolment);
    // A new enrolment replaces what the number was waiting for; the turns it remembers stay, so a
    // message replayed from before is still known.
    const fresh: Conversation = {
      phoneHash, serviceUserId: person.id, enrolmentId: enrolment.id, awaiting: 'consent', enrolment: snapshot,
      ...(current?.lastTurn ? { lastTurn: current.lastTurn } : {}), ...(current?.recentTurns ? { recentTurns: current.recentTurns } : {}), version: current?.version ?? 0,
    };
    if (input.consentInPerson) {
      const consent = { decision: 'yes' as const, version: 'in-person', at: now, channel: 'in-person' as const };
      const active: Enrolment = { ...enrolment, status: 'active', consent };
      const opened = await openBaseline(deps, active, now);
      const turn = scopeToTurn(deps, `enrol:${enrolment.id}`);
      // They agreed face to face, so no consent request: the first text says who is asking and what, then the first question.
      const welcome = inPersonWelcome({ orgName: deps.org.name, workerName: input.worker.name, itemCount: measure.items.length });
      const actions: TurnAction[] = [
        { type: 'update-enrolment', enrolmentId: enrolment.id, update: { status: 'active', consent } },
        // Consent is an audit entry whichever way it was given (by text it is the person's reply).
        { type: 'audit', entry: { actor: input.worker.id, action: 'consent.yes', subject: person.reference, details: { version: consent.version, channel: consent.channel } } },
        ...opened.actions.slice(0, 1), { type: 'send', purpose: 'invitation', text: welcome }, ...opened.actions.slice(1),
      ];
      // Quiet hours: the questions wait in the outbox for the morning, as the consent request would.
      const to = { channel, phoneHash, phoneEnc: person.phoneEnc };
      const next: Conversation = { ...fresh, ...opened.conversation, enrolment: enrolmentSnapshot(active), awaiting: 'questionnaire', questionnaire: opened.state };
      const committed = await commitTurn(deferredTo(turn, nextSendableInstant(now, deps.org.timezone)), next, { key: `enrol:${enrolment.id}`, at: now, to, enrolment: enrolmentSnapshot(active) }, actions);
      if (!committed) throw new Error(`the conversation of ${person.reference} changed while enrolling`);
      return { ok: true as const, reference: person.reference, enrolment, programme, consentRequested: false };
    }
    if (!(await deps.contacts.saveConversation(fresh))) throw new Error(`the conversation of ${person.reference} changed while enrolling`);
    return sendConsentRequest();
  });

  async function sendConsentRequest(): Promise<EnrolResult> {
  const request = consentRequest({
    orgName: deps.org.name, workerName: input.worker.name, measureTitle: measure.title, itemCount: measure.items.length,
    schedule: describePlan(programme), channel: channel === 'whatsapp' ? 'whatsapp' : 'sms',
  });
  const sendAt = nextSendableInstant(now, deps.org.timezone);
  await deps.send({ channel, phoneHash, phoneEnc: person.phoneEnc, body: request.text, purpose: 'consent', notBefore: sendAt });
  await scheduleConsentChase(deps, enrolment, sendAt);
  return { ok: true, reference: person.reference, enrolment, programme, consentRequested: true };
  }
}

/**
 * Why a number someone already holds cannot be enrolled. Workers see their own caseload only, so a
 * worker is told neither the person's reference nor who holds them (either would tell them that
 * someone they do not support is known to us), only that a manager can help; their own person is
 * simply already theirs. Managers and admins see the whole organisation and are told who holds them.
 */
async function alreadyEnrolled(deps: Pick<CaseDeps, 'staff'>, existing: Enrolment, askedBy: StaffMember | 'admin'): Promise<string> {
  const status = existing.status.replace('-', ' ');
  if (askedBy !== 'admin' && askedBy.role === 'worker') {
    return existing.workerId === askedBy.id
      ? `${existing.reference} is already on your caseload (${status}).`
      : 'That number cannot be enrolled. A manager can help with this.';
  }
  const holder = await deps.staff.get(existing.workerId);
  return `${existing.reference} is already enrolled with ${holder?.name ?? 'another worker'} (${status}).`;
}

/**
 * The programme an enrolment is for. Named outright (the API), it must be one: an unknown or
 * unclear name is refused with the list, never replaced by the default. In ENROL's words, a
 * programme may lead ("wellbeing Priya", "wellbeing-check Priya", "welbeing Priya"); words that
 * name none and are not close to one are a label on the default programme ("Priya Shah"), and words
 * close to a programme, or shared by several, are answered with the list (see matchProgramme).
 */
async function chooseProgramme(deps: Pick<CaseDeps, 'programmes'>, input: { programme?: string; label?: string; programmeAndLabel?: string }) {
  const named = input.programme !== undefined;
  const words = (input.programme ?? input.programmeAndLabel ?? '').trim();
  if (words === '' && !named) return onDefault(deps, input.label);
  const all = await deps.programmes.list();
  const match = matchProgramme(words, all, named ? 'whole' : 'leading');
  const refused = (reason: string) => ({ ok: false as const, status: 400 as const, field: 'programme' as const, reason: withProgrammeList(reason, all.filter((p) => !p.retiredAt).map((p) => p.slug)) });
  switch (match.kind) {
    case 'matched': {
      if (!match.programme.retiredAt) return { ok: true as const, programme: match.programme, label: joinLabels(match.label, input.label) };
      // A retired programme takes nobody new; the default (never retired) is the way on.
      const fallback = all.find((p) => p.isDefault && !p.retiredAt);
      const instead = fallback ? ` The default programme is ${fallback.name}: text ENROL and the number to use it.` : '';
      return { ok: false as const, status: 400 as const, field: 'programme' as const, reason: `${match.programme.name} is retired and takes no new enrolments.${instead}` };
    }
    case 'none':
      return onDefault(deps, joinLabels(match.label, input.label), all);
    case 'unknown':
      return refused(all.length === 0 ? 'There are no programmes yet: ask an admin to set one up.' : `There is no programme called "${quoteForSms(words, 40)}".`);
    case 'unclear': {
      // The words are not quoted back: they may be the person's name rather than a programme's.
      const names = match.candidates.map((p) => p.slug);
      const how = named ? '' : ' Text ENROL, the number, then the programme.';
      return refused(`Which programme did you mean: ${names.slice(0, 3).join(' or ')}?${how}`);
    }
  }
}

async function onDefault(deps: Pick<CaseDeps, 'programmes'>, label: string | undefined, listed?: readonly Programme[]) {
  const programme = listed ? listed.find((p) => p.isDefault) : await deps.programmes.getDefault();
  if (!programme) return { ok: false as const, status: 404 as const, reason: 'There is no default programme yet: text ENROL <number> <programme>, or ask an admin to set one up.' };
  return { ok: true as const, programme, label };
}

function joinLabels(...labels: Array<string | undefined>): string | undefined {
  return labels.filter((label) => label !== undefined && label !== '').join(' ') || undefined;
}

/** The same dependencies, with every text held back until `notBefore` (and tagged as an invitation). */
function deferredTo(deps: CaseDeps, notBefore: Date): CaseDeps {
  return { ...deps, send: (message) => deps.send({ ...message, notBefore, purpose: message.purpose === 'reply' ? 'invitation' : message.purpose }) };
}
