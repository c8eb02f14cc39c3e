import type { StepContext } from '../../domain/conversation/step-context.js';
import type { Measure } from '../../domain/measures/measure.js';
import { scheduleFollowUps } from '../../domain/schedule.js';
import type { Assessment, Enrolment } from '../case-ports.js';
import type { CaseDeps } from './case-deps.js';

/**
 * Everything `step` needs besides the state: when the next check-in will be (for the thank-you),
 * and, where the programme turns it on, the last score for a progress message.
 */
export async function questionnaireContext(deps: CaseDeps, enrolment: Enrolment, assessment: Assessment, measure: Measure): Promise<StepContext> {
  const programme = await deps.programmes.get(enrolment.programmeId);
  const all = await deps.cases.assessmentsOf(enrolment.id);
  const now = deps.clock.now();
  const nextCheckIn = assessment.kind === 'baseline'
    ? (programme ? scheduleFollowUps(programme.plan, deps.org.timezone, now)[0]?.dueAt : undefined)
    : all.filter((a) => a.status === 'scheduled' && a.dueAt > now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0]?.dueAt;
  const previous = all.filter((a) => a.status === 'completed' && a.id !== assessment.id && typeof a.score?.score === 'number')
    .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))[0];
  return {
    measure,
    timeZone: deps.org.timezone,
    signposting: deps.org.signposting,
    nextCheckIn,
    progressMessages: programme?.progressMessages ?? false,
    previousScore: previous?.score?.score ?? undefined,
  };
}
