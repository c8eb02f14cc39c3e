import { step } from '../domain/conversation.js';
import { transitionEnrolment } from '../domain/enrolment.js';
import type { Channel, MessagePurpose } from '../domain/messaging/delivery-plan.js';
import { optOutIntent } from '../domain/messaging/opt-out-intent.js';
import { applyQuestionnaireStep } from './cases/apply-questionnaire-step.js';
import { tellStaff, type CaseDeps } from './cases/case-deps.js';
import { handleServiceUserTurn } from './cases/handle-service-user-turn.js';
import { handleWorkerCommand, workerHelp } from './cases/handle-worker-command.js';
import { questionnaireContext } from './cases/questionnaire-context.js';
import type { ServiceUser } from './case-ports.js';

export interface TurnReply {
  text: string;
  purpose: MessagePurpose;
}

/**
 * The bot's decision for one inbound message. Opt-out comes first and always wins, for staff and
 * service-users alike, in every state: STOP suppresses the number and confirms once; START lifts
 * it; a suppressed number otherwise hears nothing, except that HELP (and YES, see opt-out-intent.ts)
 * is told how to come back. Then staff get worker commands, service-users the consent request or
 * their questionnaire, and anyone else a generic answer.
 */
export async function handleTurn(deps: CaseDeps, message: { phoneHash: string; body: string; optOutType?: string; channel: Channel }): Promise<TurnReply[]> {
  const suppressed = await deps.contacts.isSuppressed(message.phoneHash);
  const intent = optOutIntent(message, suppressed);
  const person = await deps.cases.serviceUserByPhoneHash(message.phoneHash);
  if (intent === 'stop') return optOut(deps, message.phoneHash, person);
  if (intent === 'start') {
    await deps.contacts.unsuppress(message.phoneHash);
    return [{ text: `Welcome back: ${deps.org.name} can message you again. Reply STOP at any time to stop.`, purpose: 'opt-out-confirmation' }];
  }
  if (suppressed) {
    // The purpose lets this one answer past the suppression list: they asked, and it sends nothing more.
    return intent === 'help' ? [{ text: `${deps.org.name}: you have opted out, so we are not sending you any messages. Reply START if you want them again.`, purpose: 'opt-out-confirmation' }] : [];
  }

  const member = await deps.staff.findByPhoneHash(message.phoneHash);
  if (member) return replies(intent === 'help' ? [workerHelp(deps.org.name)] : await handleWorkerCommand(deps, member, message));
  if (!person) return replies([`${deps.org.name}: this number sends short wellbeing questions for support workers. Reply STOP to stop.`]);
  if (intent === 'help' && !(await midQuestionnaire(deps, person))) {
    return replies([`${deps.org.name}: this number sends short wellbeing questions for your support worker. Reply STOP to stop, START to start again.`]);
  }
  const answer = await handleServiceUserTurn(deps, person, message);
  return answer === 'opt-out' ? optOut(deps, message.phoneHash, person) : replies(answer);
}

/** STOP: suppressed at once; a questionnaire in progress stops where it is (answers kept); the worker is told. */
async function optOut(deps: CaseDeps, phoneHash: string, person: ServiceUser | null): Promise<TurnReply[]> {
  const now = deps.clock.now();
  await deps.contacts.suppress(phoneHash, 'STOP', now);
  const confirmation = [{ text: `You won't get any more messages from ${deps.org.name}. Reply START if you change your mind.`, purpose: 'opt-out-confirmation' as const }];
  const enrolment = person ? await deps.cases.liveEnrolment(person.id) : null;
  if (!person || !enrolment) return confirmation;

  const conversation = await deps.cases.conversation(phoneHash);
  if (conversation?.questionnaire && conversation.awaiting === 'questionnaire') {
    const assessment = await deps.cases.assessment(conversation.questionnaire.assessmentId);
    const measure = assessment ? deps.measures.get(assessment.measureId) : undefined;
    if (assessment && measure) {
      const result = step(conversation.questionnaire, { type: 'reply', text: 'STOP' }, now, await questionnaireContext(deps, enrolment, assessment, measure));
      await applyQuestionnaireStep(deps, { conversation, enrolment, assessment, result });
    }
  } else if (conversation) {
    await deps.cases.saveConversation({ ...conversation, awaiting: 'nothing' });
  }
  const transition = transitionEnrolment(enrolment.status, 'opt-out', person.reference);
  if (transition.ok) await deps.cases.updateEnrolment(enrolment.id, { status: transition.status }, now);
  await deps.audit.record({ actor: 'service-user', action: 'opt-out', subject: person.reference, at: now });
  const worker = await deps.staff.get(enrolment.workerId);
  if (worker) await tellStaff(deps, worker, `${person.reference} has opted out of messages (STOP). Nothing more will be sent to them.`);
  return confirmation;
}

async function midQuestionnaire(deps: CaseDeps, person: ServiceUser): Promise<boolean> {
  const conversation = await deps.cases.conversation(person.phoneHash);
  return conversation?.awaiting === 'questionnaire' || conversation?.awaiting === 'consent';
}

function replies(texts: string[]): TurnReply[] {
  return texts.map((text) => ({ text, purpose: 'reply' as const }));
}
