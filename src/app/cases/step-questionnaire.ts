import { step } from '../../domain/conversation/step.js';
import type { QuestionnaireEvent } from '../../domain/conversation/questionnaire-event.js';
import type { QuestionnaireState } from '../../domain/conversation/questionnaire-state.js';
import { answersByMeasure, type QuestionSet } from '../../domain/measures/question-set.js';
import type { MessagePurpose } from '../../domain/messaging/delivery-plan.js';
import { scheduleFollowUps } from '../../domain/schedule/schedule-follow-ups.js';
import { isLate } from '../../domain/schedule/is-late.js';
import type { Assessment, Conversation, EnrolmentSnapshot } from '../ports/case-store.js';
import type { Programme } from '../ports/programme-catalogue.js';
import type { CaseDeps } from './case-deps.js';
import { assessmentMeasures, programmeFor } from './programme-for.js';
import type { TurnAction } from './turn-action.js';

export interface QuestionnaireStep {
  state: QuestionnaireState;
  actions: TurnAction[];
  /** Completed or stopped: the conversation stops waiting for answers. */
  done: boolean;
  /** The conversation's history with this questionnaire's completion added (when it completed). */
  history?: Conversation['history'];
  /** An answer was recorded: the person is answering, not a machine repeating itself (the loop breaker). */
  answered: boolean;
}

export type OpenAssessment = Omit<Assessment, 'answers'>;

/**
 * The one place a questionnaire moves: runs the pure `step` with what the conversation carries
 * (the assessment as opened, the context worked out then) and turns its effects into turn actions.
 * Reads nothing but the programme (from memory). The answers stay in the questionnaire's state, the
 * conversation being their source of truth until the questionnaire ends: then they go to the
 * assessment with the score (completed) or as they are (stopped). `purpose` tags the texts for the
 * person (a reply, or a reminder when the scheduler asks). With several measures (`questions`), each
 * is scored and stored on its own, and a risk alert names the measure and item it came from.
 */
export async function stepQuestionnaire(
  deps: Pick<CaseDeps, 'programmes' | 'org'>,
  input: {
    enrolment: EnrolmentSnapshot; assessment: OpenAssessment; questions: QuestionSet; state: QuestionnaireState; event: QuestionnaireEvent; now: Date;
    context?: Conversation['context']; history?: Conversation['history']; purpose?: MessagePurpose;
  },
): Promise<QuestionnaireStep> {
  const { enrolment, assessment, questions, now } = input;
  const single = questions.measures.length === 1;
  const programme = await programmeFor(deps, enrolment);
  const result = step(input.state, input.event, now, {
    questions,
    timeZone: deps.org.timezone,
    signposting: deps.org.signposting,
    nextCheckIn: input.context?.nextCheckIn,
    progressMessages: programme?.progressMessages ?? false,
    previousScore: input.context?.previousScore,
  });

  const actions: TurnAction[] = [];
  let history: Conversation['history'] | undefined;
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'send':
        actions.push({ type: 'send', text: effect.text, purpose: input.purpose ?? 'reply' });
        break;
      case 'complete': {
        const update = {
          status: 'completed' as const, completedAt: now, late: isLate(now, assessment),
          ...(single ? { score: effect.score } : { scores: Object.fromEntries(effect.scores.map((score) => [score.measureId, score])) }),
          answers: { ...result.state.answers }, ...perMeasure(questions, result.state), ...(result.state.startedAt ? { startedAt: result.state.startedAt } : {}),
        };
        actions.push({ type: 'update-assessment', assessmentId: assessment.id, update });
        if (assessment.kind === 'baseline') actions.push(...followUps(deps, enrolment, programme, now));
        history = {
          ...input.history,
          ...(assessment.kind === 'baseline' ? { baselineCompletedAt: now } : {}),
          ...(single && typeof effect.score.score === 'number' ? { lastScore: effect.score.score } : {}),
        };
        break;
      }
      case 'stop':
        // Nothing more will be asked: what was answered is kept on the assessment.
        actions.push({ type: 'update-assessment', assessmentId: assessment.id, update: { answers: { ...result.state.answers }, ...perMeasure(questions, result.state) } });
        break;
      case 'risk':
        actions.push({ type: 'raise-alert', assessmentId: assessment.id, ...riskSource(questions, assessment, effect.itemId) });
        break;
      case 'notify-worker':
        actions.push({ type: 'tell-worker', purpose: 'notice', text: `${enrolment.reference}'s questionnaire is paused: we could not read their replies. Please check in with them.` });
        break;
      case 'record-answer':
      case 'pause':
        break;
    }
  }
  const answered = result.effects.some((effect) => effect.type === 'record-answer');
  return { state: result.state, actions, done: result.state.status === 'completed' || result.state.status === 'stopped', answered, ...(history ? { history } : {}) };
}

/**
 * What the thank-you and the progress line need, worked out when a questionnaire opens: after a
 * baseline, the first follow-up from the plan; after a follow-up, the next one scheduled; and the
 * last score. Reads the enrolment's assessments once, at opening, never per answer.
 */
export async function questionnaireContext(
  deps: Pick<CaseDeps, 'cases' | 'programmes' | 'org'>,
  enrolment: Pick<EnrolmentSnapshot, 'id' | 'programmeId' | 'planVersion'>,
  assessment: Pick<Assessment, 'id' | 'kind' | 'dueAt'>,
  now: Date,
  history?: Conversation['history'],
): Promise<NonNullable<Conversation['context']>> {
  const programme = await programmeFor(deps, enrolment);
  if (assessment.kind === 'baseline') {
    const first = programme ? scheduleFollowUps(programme.plan, deps.org.timezone, now)[0]?.dueAt : undefined;
    return first ? { nextCheckIn: first } : {};
  }
  // The plan and the conversation's history say it all, without reading past assessments.
  if (history?.baselineCompletedAt && programme) {
    const next = assessment.kind === 'follow-up'
      ? scheduleFollowUps(programme.plan, deps.org.timezone, history.baselineCompletedAt).find((timepoint) => timepoint.dueAt > assessment.dueAt)?.dueAt
      : undefined;
    return { ...(next ? { nextCheckIn: next } : {}), ...(history.lastScore !== undefined ? { previousScore: history.lastScore } : {}) };
  }
  const all = await deps.cases.assessmentsOf(enrolment.id);
  const next = all.filter((a) => a.status === 'scheduled' && a.dueAt > now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  const previous = all.filter((a) => a.status === 'completed' && a.id !== assessment.id && typeof a.score?.score === 'number')
    .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))[0];
  return { ...(next ? { nextCheckIn: next.dueAt } : {}), ...(typeof previous?.score?.score === 'number' ? { previousScore: previous.score.score } : {}) };
}

/**
 * The baseline is done: every follow-up of the programme goes on the calendar. Ids are made from the
 * enrolment and timepoint (one assessment per pair), so a replay adds nothing twice.
 */
function followUps(deps: Pick<CaseDeps, 'org'>, enrolment: EnrolmentSnapshot, programme: Programme | null, completedAt: Date): TurnAction[] {
  if (!programme) throw new Error(`programme ${enrolment.programmeId} is missing`);
  return scheduleFollowUps(programme.plan, deps.org.timezone, completedAt).map((timepoint) => ({
    type: 'add-assessment' as const,
    assessment: {
      id: `${enrolment.id}:${timepoint.timepointId}`, enrolmentId: enrolment.id, serviceUserId: enrolment.serviceUserId, workerId: enrolment.workerId,
      programmeId: programme.id, ...assessmentMeasures(programme, timepoint.timepointId), kind: 'follow-up' as const, timepointId: timepoint.timepointId, status: 'scheduled' as const,
      dueAt: timepoint.dueAt, opensAt: timepoint.opensAt, closesAt: timepoint.closesAt, answers: {},
    },
    jobs: [{ action: 'timepoint:open' as const, at: timepoint.dueAt }],
  }));
}

/** The enrolment as a conversation carries it. */
export function enrolmentSnapshot(enrolment: EnrolmentSnapshot): EnrolmentSnapshot {
  const { id, serviceUserId, reference, workerId, programmeId, channel, status, planVersion } = enrolment;
  return { id, serviceUserId, reference, workerId, programmeId, channel, status, ...(planVersion === undefined ? {} : { planVersion }) };
}

/** With several measures: each one's answers under its own item ids (nothing extra for one measure). */
function perMeasure(questions: QuestionSet, state: QuestionnaireState): { measureAnswers?: Record<string, Record<string, number | null>> } {
  if (questions.measures.length === 1) return {};
  const values = Object.fromEntries(Object.entries(state.answers).map(([id, answer]) => [id, answer.value]));
  return { measureAnswers: answersByMeasure(questions, values) };
}

/** The measure and item a risk answer belongs to: with several measures, the one whose item sets the threshold. */
function riskSource(questions: QuestionSet, assessment: OpenAssessment, questionId: string): { measureId: string; itemId: string } {
  if (questions.measures.length === 1) return { measureId: assessment.measureId, itemId: questionId };
  const refs = questions.sources[questionId] ?? [];
  const withRisk = refs.find((ref) => questions.measures.find((m) => m.id === ref.measureId)?.items.find((item) => item.id === ref.itemId)?.risk) ?? refs[0];
  return withRisk ?? { measureId: assessment.measureId, itemId: questionId };
}
