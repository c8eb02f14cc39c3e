import type { Measure } from '../../domain/measures/measure.js';
import type { Conversation, EnrolmentSnapshot } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';
import { enrolmentSnapshot, type OpenAssessment } from './step-questionnaire.js';

/**
 * What a questionnaire in progress is about: the enrolment and the assessment the conversation
 * carries, and the measure (from memory). A conversation saved before it carried them (older data)
 * reads them once, and `carried` is what the next save keeps, so it never has to again. Throws when
 * the assessment or its measure is gone: the turn fails and is retried, then reported.
 */
export async function openQuestionnaire(
  deps: Pick<CaseDeps, 'cases' | 'measures'>,
  conversation: Conversation,
): Promise<{ enrolment: EnrolmentSnapshot; assessment: OpenAssessment; measure: Measure; carried: Pick<Conversation, 'enrolment' | 'assessment'> }> {
  const assessmentId = conversation.questionnaire?.assessmentId;
  const [enrolment, assessment] = await Promise.all([
    conversation.enrolment ?? deps.cases.enrolment(conversation.enrolmentId).then((found) => (found ? enrolmentSnapshot(found) : null)),
    conversation.assessment?.id === assessmentId ? conversation.assessment : assessmentId ? deps.cases.assessment(assessmentId).then((found) => found && withoutAnswers(found)) : null,
  ]);
  const measure = assessment ? deps.measures.get(assessment.measureId) : undefined;
  if (!enrolment || !assessment || !measure) throw new Error(`assessment ${assessmentId} of enrolment ${conversation.enrolmentId}, or its measure, is missing`);
  return { enrolment, assessment, measure, carried: { enrolment, assessment } };
}

function withoutAnswers<T extends { answers: unknown }>(assessment: T): Omit<T, 'answers'> {
  const { answers: _answers, ...rest } = assessment;
  return rest;
}
