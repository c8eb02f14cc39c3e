import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { EnrolmentSnapshot } from '../ports/case-store.js';
import type { Contact } from '../ports/contact-book.js';
import { scheduleEscalation } from '../scheduling/escalate-alert.js';
import { redirectedToManagers } from '../../domain/cases/redirected-to-managers.js';
import { managersOf, tellStaff, type CaseDeps } from './case-deps.js';
import { reachWorker, tellWorker } from './tell-worker.js';
import type { TurnAction } from './turn-action.js';

/** Who the turn's `send` actions go to, and on which channel. */
export interface TurnRecipient {
  channel: Channel;
  phoneHash: string;
  phoneEnc: string;
}

export interface TurnTarget {
  /** The turn's key: the inbound message id or the job's key. Alerts it raises are named after it. */
  key: string;
  at: Date;
  to: TurnRecipient;
  /** The enrolment the turn is about; only a turn that merely replies has none. */
  enrolment?: EnrolmentSnapshot;
  /** The inbound message a reply answers, for the outbox's record. */
  replyTo?: string;
  /** The recipient's record as the turn read it (suppression, WhatsApp window): saves a read per text. */
  contact?: Contact;
}

/**
 * Performs a committed turn's actions, in order. Each is idempotent (a $set, an insert that ignores
 * its own duplicate, an upserted job) and `deps` is scoped to the turn (scopeToTurn), so running
 * the list a second time after a crash changes nothing that the first run finished.
 */
export async function applyTurnActions(deps: Pick<CaseDeps, 'audit' | 'cases' | 'clock' | 'contacts' | 'jobs' | 'logger' | 'org' | 'send' | 'sendMany' | 'staff'>, target: TurnTarget, actions: readonly TurnAction[]): Promise<void> {
  const { at } = target;
  const enrolment = () => {
    if (!target.enrolment) throw new Error(`turn ${target.key} has a ${actions.map((a) => a.type).join(', ')} action but no enrolment`);
    return target.enrolment;
  };
  for (const [index, action] of actions.entries()) {
    switch (action.type) {
      case 'send': {
        // Texts in a row to the person go as one batch: one write to record them, one to settle them.
        if (actions[index - 1]?.type === 'send') break;
        let end = index;
        while (actions[end]?.type === 'send') end++;
        const texts = actions.slice(index, end).filter((next): next is Extract<TurnAction, { type: 'send' }> => next.type === 'send');
        await deps.sendMany(texts.map((text) => ({
          ...target.to, body: text.text, purpose: text.purpose, ...(text.templateVariables ? { templateVariables: text.templateVariables } : {}), ...(target.replyTo ? { replyTo: target.replyTo } : {}), ...(target.contact ? { contact: target.contact } : {}),
        })));
        break;
      }
      case 'update-assessment':
        await deps.cases.updateAssessment(action.assessmentId, action.update);
        break;
      case 'add-assessment':
        await deps.cases.addAssessment(action.assessment);
        // Scheduled whether or not the insert was new: a crash may have come between the two.
        for (const job of action.jobs) await deps.jobs.schedule(job.action, action.assessment.id, job.at);
        break;
      case 'schedule':
        await deps.jobs.schedule(action.action, action.subjectId, action.at);
        break;
      case 'update-enrolment':
        await deps.cases.updateEnrolment(action.enrolmentId, action.update, at);
        break;
      case 'reinstate-enrolment':
        if (!(await deps.cases.reinstateEnrolment({ id: action.enrolmentId, serviceUserId: action.serviceUserId }, action.status, at))) {
          deps.logger.warn({ enrolmentId: action.enrolmentId }, 'START found another live enrolment for this person; the old one stays ended');
        }
        break;
      case 'raise-alert':
        await raiseAlert(deps, { ...target, enrolment: enrolment() }, action);
        break;
      case 'tell-worker':
        await tellWorker(deps, enrolment(), action.text, { purpose: action.purpose });
        break;
      case 'audit':
        await deps.audit.record({ ...action.entry, at });
        break;
    }
  }
}

/**
 * One open alert per assessment and item, however often BACK brings the answer round again. The
 * alert's id comes from the turn, so a replayed turn finds its own alert and still makes sure the
 * worker and managers were told; an alert raised by an earlier turn is left alone.
 */
async function raiseAlert(deps: Pick<CaseDeps, 'audit' | 'cases' | 'contacts' | 'jobs' | 'org' | 'send' | 'staff'>, target: TurnTarget & { enrolment: EnrolmentSnapshot }, action: Extract<TurnAction, { type: 'raise-alert' }>): Promise<void> {
  const { enrolment, at } = target;
  const id = `${target.key}:${action.itemId}`;
  const open = await deps.cases.openAlerts({ serviceUserId: enrolment.serviceUserId });
  if (open.some((alert) => alert.assessmentId === action.assessmentId && alert.itemId === action.itemId && alert.id !== id)) return;
  const alert = {
    id, enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, reference: enrolment.reference,
    workerId: enrolment.workerId, assessmentId: action.assessmentId, itemId: action.itemId, openedAt: at,
  };
  await deps.cases.openAlert(alert);
  await scheduleEscalation(deps, alert);
  await deps.audit.record({ actor: 'bot', action: 'alert.open', subject: enrolment.reference, at, details: { measure: action.measureId, item: action.itemId } });
  const text = `URGENT from promptly: ${enrolment.reference} gave an answer on a risk question (${action.measureId.toUpperCase()}) and has been sent crisis contacts. Please contact them today, then reply ACK ${enrolment.reference}.`;
  // The managers get every alert; when the worker cannot (STOP, removed), theirs says so.
  const reach = await reachWorker(deps, enrolment);
  if ('member' in reach) await tellStaff(deps, reach.member, text, 'alert', undefined, reach.contact ? { contact: reach.contact } : {});
  const managersText = 'unreachable' in reach ? redirectedToManagers(text, reach.unreachable, 'alert') : text;
  for (const manager of await managersOf(deps)) await tellStaff(deps, manager, managersText, 'alert');
}
