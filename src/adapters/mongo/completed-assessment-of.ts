import type { CompletedAssessment, MeasureResponse, StoredScore } from '../../app/ports/report-source.js';
import type { Assessment } from '../../app/ports/case-store.js';
import type { ScoreResult } from '../../domain/measures/score-measure.js';

export type CompletedAssessmentDoc = { _id: string } & Pick<
  Assessment,
  'enrolmentId' | 'serviceUserId' | 'workerId' | 'programmeId' | 'kind' | 'timepointId' | 'dueAt' | 'completedAt' | 'late' | 'measureId' | 'measureIds' | 'answers' | 'score' | 'measureAnswers' | 'scores'
>;

/**
 * Both stored shapes as one: an assessment of one measure keeps `answers` (by item id, with the
 * text typed) and `score`; one of several keeps `measureAnswers` and `scores` per measure. Only
 * the values chosen come out: the raw text is free text and never reaches a report or an export.
 */
export function completedAssessmentOf(doc: CompletedAssessmentDoc): CompletedAssessment {
  const measures: MeasureResponse[] = doc.measureIds
    ? doc.measureIds.map((measureId) => response(measureId, doc.measureAnswers?.[measureId] ?? {}, doc.scores?.[measureId]))
    : [response(doc.measureId, Object.fromEntries(Object.entries(doc.answers ?? {}).map(([item, answer]) => [item, answer.value])), doc.score)];
  return {
    id: doc._id,
    enrolmentId: doc.enrolmentId,
    serviceUserId: doc.serviceUserId,
    workerId: doc.workerId,
    programmeId: doc.programmeId,
    kind: doc.kind,
    timepointId: doc.timepointId,
    dueAt: doc.dueAt,
    completedAt: doc.completedAt ?? doc.dueAt,
    late: doc.late ?? false,
    measures,
  };
}

function response(measureId: string, values: Record<string, number | null>, score: ScoreResult | undefined): MeasureResponse {
  return { measureId, version: score?.version ?? null, values, score: score ? storedScore(score) : null };
}

function storedScore(score: ScoreResult): StoredScore {
  return { scorable: score.scorable, total: score.total, converted: score.converted, score: score.score, band: score.band, subscales: score.subscales };
}
