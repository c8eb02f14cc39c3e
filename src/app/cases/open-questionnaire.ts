import type { QuestionSet } from '../../domain/measures/question-set.js';
import type { Conversation, EnrolmentSnapshot } from '../ports/case-store.js';
import type { CaseDeps } from './case-deps.js';
import { questionSetOfAssessment } from './programme-for.js';
import { enrolmentSnapshot, type OpenAssessment } from './step-questionnaire.js';

/**
 * What a questionnaire in progress is about: the enrolment and the assessment the conversation
 * carries, and its questions (its measures, from memory). A conversation saved before it carried them (older data)
 * reads them once, and `carried` is what the next save keeps, so it never has to again. Throws when
 * the assessment or its measure is gone: the turn fails and is retried, then reported.
 */
export async function openQuestionnaire(
  deps: Pick<CaseDeps, 'cases' | 'measures'>,
  conversation: Conversation,
): Promise<{ enrolment: EnrolmentSnapshot; assessment: OpenAssessment; questions: QuestionSet; carried: Pick<Conversation, 'enrolment' | 'assessment'> }> {
  const assessmentId = conversation.questionnaire?.assessmentId;
  const [enrolment, assessment] = await Promise.all([
    conversation.enrolment ?? deps.cases.enrolment(conversation.enrolmentId).then((found) => (found ? enrolmentSnapshot(found) : null)),
    conversation.assessment?.id === assessmentId ? conversation.assessment : assessmentId ? deps.cases.assessment(assessmentId).then((found) => found && withoutAnswers(found)) : null,
  ]);
  const questions = assessment ? questionSetOfAssessment(deps.measures, assessment) : undefined;
  if (!enrolment || !assessment || !questions) throw new Error(`assessment ${assessmentId} of enrolment ${conversation.enrolmentId}, or its measure, is missing`);
  return { enrolment, assessment, questions, carried: { enrolment, assessment } };
}

function withoutAnswers<T extends { answers: unknown }>(assessment: T): Omit<T, 'answers'> {
  const { answers: _answers, ...rest } = assessment;
  return rest;
}
