import { step } from '../../domain/conversation/step.js';
import type { QuestionnaireEvent } from '../../domain/conversation/questionnaire-event.js';
import type { QuestionnaireState } from '../../domain/conversation/questionnaire-state.js';
import type { Measure } from '../../domain/measures/measure.js';
import type { MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import { scheduleFollowUps } from '../../domain/schedule/schedule-follow-ups.js';
import { isLate } from '../../domain/schedule/is-late.js';
import type { Assessment, Enrolment } from '../ports/case-store.js';
import type { Programme } from '../ports/programme-catalogue.js';
import type { CaseDeps } from './case-deps.js';
import type { TurnAction } from './turn-action.js';

export interface QuestionnaireStep {
  state: QuestionnaireState;
  actions: TurnAction[];
  /** Completed or stopped: the conversation stops waiting for answers. */
  done: boolean;
}

/**
 * The one place a questionnaire moves: builds the step context, runs the pure `step` and turns its
 * effects into turn actions (answers, scores, follow-ups, alerts, texts). Reads; writes nothing.
 * `purpose` tags the texts for the person (a reply, or a reminder when the scheduler asks).
 */
export async function stepQuestionnaire(
  deps: Pick<CaseDeps, 'cases' | 'programmes' | 'org'>,
  input: { enrolment: Enrolment; assessment: Assessment; measure: Measure; state: QuestionnaireState; event: QuestionnaireEvent; now: Date; purpose?: MessagePurpose },
): Promise<QuestionnaireStep> {
  const { enrolment, assessment, measure, now } = input;
  const [programme, all] = await Promise.all([deps.programmes.get(enrolment.programmeId), deps.cases.assessmentsOf(enrolment.id)]);
  const nextCheckIn = assessment.kind === 'baseline'
    ? (programme ? scheduleFollowUps(programme.plan, deps.org.timezone, now)[0]?.dueAt : undefined)
    : all.filter((a) => a.status === 'scheduled' && a.dueAt > now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0]?.dueAt;
  const previous = all.filter((a) => a.status === 'completed' && a.id !== assessment.id && typeof a.score?.score === 'number')
    .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))[0];
  const result = step(input.state, input.event, now, {
    measure,
    timeZone: deps.org.timezone,
    signposting: deps.org.signposting,
    nextCheckIn,
    progressMessages: programme?.progressMessages ?? false,
    previousScore: previous?.score?.score ?? undefined,
  });

  const actions: TurnAction[] = [];
  let started = assessment.status !== 'open';
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'send':
        actions.push({ type: 'send', text: effect.text, purpose: input.purpose ?? 'reply' });
        break;
      case 'record-answer':
        actions.push({ type: 'record-answer', assessmentId: assessment.id, itemId: effect.itemId, answer: { raw: effect.raw, value: effect.value, at: effect.at, attempts: effect.attempts } });
        if (!started) {
          actions.push({ type: 'update-assessment', assessmentId: assessment.id, update: { status: 'in-progress', startedAt: now } });
          started = true;
        }
        break;
      case 'complete':
        actions.push({ type: 'update-assessment', assessmentId: assessment.id, update: { status: 'completed', completedAt: now, late: isLate(now, assessment), score: effect.score } });
        if (assessment.kind === 'baseline') actions.push(...followUps(deps, enrolment, programme, now));
        break;
      case 'risk':
        actions.push({ type: 'raise-alert', assessmentId: assessment.id, measureId: assessment.measureId, itemId: effect.itemId });
        break;
      case 'notify-worker':
        actions.push({ type: 'tell-worker', purpose: 'notice', text: `${enrolment.reference}'s questionnaire is paused: we could not read their replies. Please check in with them.` });
        break;
      case 'stop':
      case 'pause':
        break;
    }
  }
  return { state: result.state, actions, done: result.state.status === 'completed' || result.state.status === 'stopped' };
}

/**
 * The baseline is done: every follow-up of the programme goes on the calendar. Ids are made from the
 * enrolment and timepoint (one assessment per pair), so a replay adds nothing twice.
 */
function followUps(deps: Pick<CaseDeps, 'org'>, enrolment: Enrolment, programme: Programme | null, completedAt: Date): TurnAction[] {
  if (!programme) throw new Error(`programme ${enrolment.programmeId} is missing`);
  return scheduleFollowUps(programme.plan, deps.org.timezone, completedAt).map((timepoint) => ({
    type: 'add-assessment' as const,
    assessment: {
      id: `${enrolment.id}:${timepoint.timepointId}`, enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId,
      programmeId: programme.id, measureId: programme.measureId, kind: 'follow-up' as const, timepointId: timepoint.timepointId, status: 'scheduled' as const,
      dueAt: timepoint.dueAt, opensAt: timepoint.opensAt, closesAt: timepoint.closesAt, answers: {},
    },
    jobs: [{ action: 'timepoint:open' as const, at: timepoint.dueAt }],
  }));
}
