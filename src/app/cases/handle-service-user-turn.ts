import { step } from '../../domain/conversation.js';
import { readConsentReply } from '../../domain/consent.js';
import { transitionEnrolment } from '../../domain/enrolment.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';
import type { Conversation, Enrolment, ServiceUser } from '../case-ports.js';
import { applyQuestionnaireStep } from './apply-questionnaire-step.js';
import { tellStaff, type CaseDeps } from './case-deps.js';
import { questionnaireContext } from './questionnaire-context.js';
import { startBaseline } from './start-assessment.js';

/**
 * A service-user's message: the answer to the consent request, the next answer of a questionnaire,
 * or a message when nothing is being asked. Returns the replies, in order.
 */
export async function handleServiceUserTurn(deps: CaseDeps, person: ServiceUser, message: { body: string; channel: Channel }): Promise<string[] | 'opt-out'> {
  const conversation = await deps.cases.conversation(person.phoneHash);
  const enrolment = conversation ? await deps.cases.enrolment(conversation.enrolmentId) : null;
  if (!conversation || !enrolment) return [nothingToAsk(deps)];

  if (conversation.awaiting === 'consent') return consentReply(deps, conversation, enrolment, message);
  if (conversation.awaiting === 'questionnaire' && conversation.questionnaire && ['active', 'paused'].includes(enrolment.status)) {
    const assessment = await deps.cases.assessment(conversation.questionnaire.assessmentId);
    const measure = assessment ? deps.measures.get(assessment.measureId) : undefined;
    if (!assessment || !measure) throw new Error(`assessment ${conversation.questionnaire.assessmentId} or its measure is missing`);
    const context = await questionnaireContext(deps, enrolment, assessment, measure);
    const result = step(conversation.questionnaire, { type: 'reply', text: message.body }, deps.clock.now(), context);
    return applyQuestionnaireStep(deps, { conversation, enrolment, assessment, result });
  }
  return [nothingToAsk(deps)];
}

async function consentReply(deps: CaseDeps, conversation: Conversation, enrolment: Enrolment, message: { body: string; channel: Channel }) {
  const answer = readConsentReply(message.body);
  const now = deps.clock.now();
  // "No, stop texting me" is an opt-out even though it does not start with STOP.
  if (answer === 'stop') return 'opt-out' as const;
  if (answer === 'yes' || answer === 'no') {
    const transition = transitionEnrolment(enrolment.status, answer === 'yes' ? 'consent-yes' : 'consent-no', enrolment.reference);
    if (!transition.ok) return [nothingToAsk(deps)];
    const consent = { decision: answer, version: 'consent-v1', at: now, channel: message.channel };
    await deps.cases.updateEnrolment(enrolment.id, { status: transition.status, consent }, now);
    await deps.audit.record({ actor: 'service-user', action: `consent.${answer}`, subject: enrolment.reference, at: now, details: { version: consent.version, channel: message.channel } });
    if (answer === 'no') {
      await deps.cases.saveConversation({ ...conversation, awaiting: 'nothing' });
      const worker = await deps.staff.get(enrolment.workerId);
      if (worker) await tellStaff(deps, worker, `${enrolment.reference} said NO to the questionnaires. Nothing more will be sent to them.`);
      return [`Thank you for letting us know. We won't send you any questionnaires. ${deps.org.name}`];
    }
    const programme = await deps.programmes.get(enrolment.programmeId);
    const measure = programme ? deps.measures.get(programme.measureId) : undefined;
    if (!programme || !measure) throw new Error(`programme ${enrolment.programmeId} or its measure is missing`);
    const first = await startBaseline(deps, { ...enrolment, status: transition.status, consent }, programme, measure);
    return ['Thank you! Here is the first question. You can reply BACK to change an answer, or LATER to stop for now.', ...first];
  }
  if (answer === 'help') {
    return [`${deps.org.name} would like to ask you a few short questions by text to see how our support is helping. Reply YES to take part, NO if not, or STOP to get no more messages.`];
  }
  return ['Sorry, I did not understand. Please reply YES to take part, or NO if you would rather not.'];
}

function nothingToAsk(deps: CaseDeps): string {
  return `Thanks for your message. There are no questions for you right now: ${deps.org.name} will text you at your next check-in. Please contact your worker directly about anything else. Reply STOP to stop messages.`;
}
