import { newQuestionnaireState } from '../../domain/conversation/new-questionnaire-state.js';
import type { QuestionnaireState } from '../../domain/conversation/questionnaire-state.js';
import { reminderInstants } from '../../domain/schedule/reminder-instants.js';
import type { Assessment, Conversation, Enrolment } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';
import { assessmentMeasures, programmeFor, questionSetOfAssessment } from './programme-for.js';
import { enrolmentSnapshot, questionnaireContext, stepQuestionnaire } from './step-questionnaire.js';
import type { TurnAction } from './turn-action.js';

const baselineWindowDays = 7;

/**
 * Consent given: the baseline opens now (its id made from the enrolment, so a replay adds it once)
 * with its reminders and lapse, and the first question is asked. The first action adds the
 * assessment; the rest ask. `conversation` is what the conversation carries for the questionnaire.
 */
export async function openBaseline(deps: Pick<CaseDeps, 'cases' | 'measures' | 'org' | 'programmes'>, enrolment: Enrolment, now: Date): Promise<{
  assessment: Assessment; state: QuestionnaireState; actions: TurnAction[]; conversation: Pick<Conversation, 'enrolment' | 'assessment' | 'context'>;
}> {
  const programme = await programmeFor(deps, enrolment);
  const measures = programme ? assessmentMeasures(programme, 'baseline') : undefined;
  const questions = measures ? questionSetOfAssessment(deps.measures, measures) : undefined;
  if (!programme || !measures || !questions) throw new Error(`programme ${enrolment.programmeId} or its measures are missing`);
  const assessment: Assessment = {
    id: `${enrolment.id}:baseline`, enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId, programmeId: programme.id,
    ...measures, kind: 'baseline', timepointId: 'baseline', status: 'open', dueAt: now, opensAt: now,
    closesAt: new Date(now.getTime() + baselineWindowDays * 86_400_000), openedAt: now, remindersSent: 0, answers: {},
  };
  const [firstReminder] = reminderInstants(now, programme.plan.reminders.afterDays, deps.org.timezone, undefined, { until: assessment.closesAt });
  const jobs = [...(firstReminder ? [{ action: 'timepoint:remind' as const, at: firstReminder }] : []), { action: 'timepoint:lapse' as const, at: assessment.closesAt }];
  const snapshot = enrolmentSnapshot(enrolment);
  const context = await questionnaireContext(deps, snapshot, assessment, now);
  const { answers: _answers, ...opened } = assessment;
  const stepped = await stepQuestionnaire(deps, { enrolment: snapshot, assessment: opened, questions, state: newQuestionnaireState(assessment.id, questions.id), event: { type: 'start' }, now, context });
  return {
    assessment,
    state: stepped.state,
    actions: [{ type: 'add-assessment', assessment, jobs }, ...stepped.actions],
    conversation: { enrolment: snapshot, assessment: opened, context },
  };
}
