import { questionSetOf, measuresAt, type QuestionnairePlan } from '../../domain/measures/questionnaire-plan.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import type { QuestionSet } from '../../domain/measures/question-set.js';
import type { Assessment, Enrolment } from '../ports/case-store.js';
import type { Programme, ProgrammeCatalogue } from '../ports/programme-catalogue.js';

/**
 * The programme as an enrolment knows it: with the measures and timepoints of the plan version it
 * started on (a later `programme edit` is for new enrolments only). From memory, as `get` is.
 */
export async function programmeFor(deps: { programmes: ProgrammeCatalogue }, enrolment: Pick<Enrolment, 'programmeId' | 'planVersion'>): Promise<Programme | null> {
  const programme = await deps.programmes.get(enrolment.programmeId, enrolment.planVersion);
  return programme ? programmeAt(programme, enrolment.planVersion) : null;
}

/** The programme with the given plan version's measures and timepoints (the current one when absent or unknown). */
export function programmeAt(programme: Programme, planVersion: number | undefined): Programme {
  const version = programme.planVersions?.find((candidate) => candidate.version === (planVersion ?? 1));
  if (!version || version.version === (programme.planVersion ?? 1)) return programme;
  return { ...programme, measureId: version.measureId, questionnaire: version.questionnaire, plan: version.plan, planVersion: version.version };
}

export function questionnaireOf(programme: Pick<Programme, 'measureId' | 'questionnaire'>): QuestionnairePlan {
  return programme.questionnaire ?? { measures: [programme.measureId], at: {} };
}

/** What an assessment for this timepoint records of its measures: the set's id, and the list when there are several. */
export function assessmentMeasures(programme: Programme, timepointId: string): Pick<Assessment, 'measureId' | 'measureIds'> {
  const ids = [...measuresAt(questionnaireOf(programme), timepointId)];
  return ids.length === 1 ? { measureId: ids[0] ?? programme.measureId } : { measureId: ids.join('+'), measureIds: ids };
}

/** The questions an assessment asks, from the measures it recorded when it was made. */
export function questionSetOfAssessment(measures: MeasureCatalogue, assessment: Pick<Assessment, 'measureId' | 'measureIds'>): QuestionSet | undefined {
  return questionSetOf(assessment.measureIds ?? [assessment.measureId], measures);
}
