import { measureOutcome, type CohortMember, type MeasureObservation, type MeasureOutcome } from '../../domain/analytics/measure-outcome.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import { measuresAt } from '../../domain/measures/questionnaire-plan.js';
import type { AdminResult } from '../admin/admin-result.js';
import { programmeAt, questionnaireOf } from '../cases/programme-for.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { ProgrammeCatalogue } from '../ports/programme-catalogue.js';
import type { CompletedAssessment, ReportSource } from '../ports/report-source.js';
import { resolveReportFilter, type ReportFilterInput } from './report-filter.js';

export interface OutcomeReportDeps {
  source: Pick<ReportSource, 'completedAssessments' | 'enrolmentPlansIn'>;
  programmes: Pick<ProgrammeCatalogue, 'find' | 'list' | 'get'>;
  measures: MeasureCatalogue;
  audit: AuditLog;
  clock: Pick<Clock, 'now'>;
  org: { timezone: string };
}

export interface OutcomeReport {
  from: string;
  to: string;
  /** The programme's short name, or null for all programmes. */
  programme: string | null;
  suppressed: boolean;
  measures: MeasureOutcome[];
}

/**
 * The commissioners' outcome report: the cohort is the people whose baseline was completed in the
 * period (optionally on one programme); each is paired with their latest follow-up (or discharge)
 * completed since, per measure, whichever shape the assessment was stored in. Reads two streams
 * (the period's baselines, then follow-ups completed since it began) and keeps per person only
 * the scores the figures need; the statistics are domain/analytics/measure-outcome's. Audited.
 */
export async function outcomeReport(
  deps: OutcomeReportDeps,
  input: ReportFilterInput & { suppress: boolean },
  actor: string,
): Promise<AdminResult<OutcomeReport>> {
  const resolved = await resolveReportFilter(deps.programmes, input, deps.org.timezone);
  if (!resolved.ok) return resolved;
  const { period, programme } = resolved.value;
  const programmeId = programme?.id;

  // measure -> person -> their baseline of it
  const baselines = new Map<string, Map<string, MeasureObservation>>();
  for await (const assessment of deps.source.completedAssessments({ completedFrom: period.start, completedBefore: period.end, kinds: ['baseline'], ...(programmeId ? { programmeId } : {}) })) {
    for (const response of assessment.measures) {
      mapOf(baselines, response.measureId).set(assessment.enrolmentId, observationOf(response));
    }
  }
  const cohort = new Set([...baselines.values()].flatMap((people) => [...people.keys()]));
  // measure -> person -> { count, latest }
  const followUps = new Map<string, Map<string, { count: number; latestAt: number; latest: MeasureObservation }>>();
  for await (const assessment of deps.source.completedAssessments({ completedFrom: period.start, kinds: ['follow-up', 'discharge'], ...(programmeId ? { programmeId } : {}) })) {
    if (!cohort.has(assessment.enrolmentId)) continue;
    for (const response of assessment.measures) {
      if (!baselines.get(response.measureId)?.has(assessment.enrolmentId)) continue;
      const people = mapOf(followUps, response.measureId);
      const seen = people.get(assessment.enrolmentId);
      const at = assessment.completedAt.getTime();
      if (!seen) people.set(assessment.enrolmentId, { count: 1, latestAt: at, latest: observationOf(response) });
      else people.set(assessment.enrolmentId, at >= seen.latestAt ? { count: seen.count + 1, latestAt: at, latest: observationOf(response) } : { ...seen, count: seen.count + 1 });
    }
  }
  const enrolled = await enrolledByMeasure(deps, period, programmeId);

  const measureIds = [...new Set([...baselines.keys(), ...enrolled.keys()])];
  const measures = measureIds.flatMap((measureId) => {
    const measure = deps.measures.get(measureId);
    if (!measure) return [];
    const members: CohortMember[] = [...(baselines.get(measureId) ?? new Map<string, MeasureObservation>())].map(([person, baseline]) => {
      const followUp = followUps.get(measureId)?.get(person);
      return { baseline, followUpsCompleted: followUp?.count ?? 0, latestFollowUp: followUp?.latest ?? null };
    });
    return [measureOutcome(measure, { enrolled: enrolled.get(measureId) ?? 0, members }, { suppress: input.suppress })];
  });
  const report: OutcomeReport = { from: input.from, to: input.to, programme: programme?.slug ?? null, suppressed: input.suppress, measures };
  await deps.audit.record({
    actor,
    action: 'report.outcomes',
    at: deps.clock.now(),
    details: { filters: { from: input.from, to: input.to, programme: report.programme }, rows: measures.length, people: cohort.size, format: 'json', suppressed: input.suppress },
  });
  return { ok: true, value: report };
}

/** How many enrolments of the period each measure was asked of at baseline, by their programme's plan version. */
async function enrolledByMeasure(deps: OutcomeReportDeps, period: { start: Date; end: Date }, programmeId: string | undefined): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const programmes = new Map<string, Awaited<ReturnType<OutcomeReportDeps['programmes']['get']>>>();
  for (const enrolment of await deps.source.enrolmentPlansIn(period, programmeId)) {
    const key = `${enrolment.programmeId}@${enrolment.planVersion ?? 1}`;
    if (!programmes.has(key)) programmes.set(key, await deps.programmes.get(enrolment.programmeId, enrolment.planVersion));
    const programme = programmes.get(key);
    if (!programme) continue;
    for (const measureId of measuresAt(questionnaireOf(programmeAt(programme, enrolment.planVersion)), 'baseline')) {
      counts.set(measureId, (counts.get(measureId) ?? 0) + 1);
    }
  }
  return counts;
}

function observationOf(response: CompletedAssessment['measures'][number]): MeasureObservation {
  return { score: response.score?.scorable ? response.score.score : null, items: response.values };
}

function mapOf<K, V>(outer: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}
