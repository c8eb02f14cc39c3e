/**
 * Where one person is in one questionnaire (one assessment). Plain data, so the conversations
 * collection can store it as it is and `step` can be replayed from it after any gap.
 */
export interface QuestionnaireState {
  readonly assessmentId: string;
  readonly measureId: string;
  readonly status: QuestionnaireStatus;
  /** The item being asked, as an index into the measure's items. */
  readonly currentIndex: number;
  readonly answers: Readonly<Record<string, RecordedAnswer>>;
  /** Unreadable replies to the current item since it was last asked afresh. */
  readonly invalidAttempts: number;
  readonly pausedReason?: PausedReason;
  readonly startedAt?: Date;
  readonly completedAt?: Date;
  readonly stoppedAt?: Date;
}

export type QuestionnaireStatus = 'not-started' | 'asking' | 'paused' | 'completed' | 'stopped';

/**
 * 'later': the person asked to carry on later; reminders bring the question back.
 * 'invalid-replies': we could not read their answers and the item cannot be left out; their worker
 * has been told, so reminders stay quiet until a reply or a `resume` arrives.
 */
export type PausedReason = 'later' | 'invalid-replies';

export interface RecordedAnswer {
  /** The reply exactly as received, kept so a worker can see what was meant. */
  readonly raw: string;
  /** The value of the option chosen; null when skipped or left out after unreadable replies. */
  readonly value: number | null;
  readonly at: Date;
  /** Replies it took, the accepted one included. */
  readonly attempts: number;
}
