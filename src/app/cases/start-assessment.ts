import { randomUUID } from 'node:crypto';
import { step } from '../../domain/conversation.js';
import { newQuestionnaireState } from '../../domain/conversation/new-questionnaire-state.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { Measure } from '../../domain/measures/measure.js';
import type { Assessment, Enrolment, Programme } from '../case-ports.js';
import type { CaseDeps } from './case-deps.js';
import { applyQuestionnaireStep } from './apply-questionnaire-step.js';

const baselineWindowDays = 7;

/** Consent given: the baseline opens now and its first question goes out. Returns the texts to send. */
export async function startBaseline(deps: CaseDeps, enrolment: Enrolment, programme: Programme, measure: Measure): Promise<string[]> {
  const now = deps.clock.now();
  const assessment: Assessment = {
    id: randomUUID(), enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId, programmeId: programme.id,
    measureId: measure.id, kind: 'baseline', timepointId: 'baseline', status: 'open', dueAt: now, opensAt: now,
    closesAt: new Date(now.getTime() + baselineWindowDays * 86_400_000), openedAt: now, remindersSent: 0, answers: {},
  };
  if ((await deps.cases.addAssessment(assessment)) === 'added') {
    const [firstReminder] = reminderInstants(now, programme.plan.reminders.afterDays, deps.org.timezone, undefined, { until: assessment.closesAt });
    if (firstReminder) await deps.jobs.schedule('timepoint:remind', assessment.id, firstReminder);
    await deps.jobs.schedule('timepoint:lapse', assessment.id, assessment.closesAt);
  } else {
    const existing = (await deps.cases.assessmentsOf(enrolment.id)).find((a) => a.timepointId === 'baseline');
    if (!existing) throw new Error('baseline reported as duplicate but not found');
    return openAssessment(deps, enrolment, existing, measure);
  }
  return openAssessment(deps, enrolment, assessment, measure);
}

/** Starts (or resumes) the questionnaire of an assessment on the person's conversation. */
export async function openAssessment(deps: CaseDeps, enrolment: Enrolment, assessment: Assessment, measure: Measure): Promise<string[]> {
  const person = await deps.cases.serviceUserByReference(enrolment.reference);
  if (!person) throw new Error(`no service-user ${enrolment.reference}`);
  const conversation = await deps.cases.conversation(person.phoneHash);
  const state = conversation?.questionnaire?.assessmentId === assessment.id ? conversation.questionnaire : newQuestionnaireState(assessment.id, measure.id);
  const result = step(state, { type: 'start' }, deps.clock.now(), { measure, timeZone: deps.org.timezone, signposting: deps.org.signposting });
  return applyQuestionnaireStep(deps, {
    conversation: conversation ?? { phoneHash: person.phoneHash, serviceUserId: person.id, enrolmentId: enrolment.id, awaiting: 'questionnaire', version: 0 },
    enrolment,
    assessment,
    result,
  });
}
