import type { Measure } from '../measures/measure.js';
import type { QuestionSet } from '../measures/question-set.js';

/** What `step` needs to know besides the state: the measure(s) and the organisation's settings. */
export interface StepContext {
  /** One measure; or give `questions`, the timepoint's measures as one list (buildQuestionSet). */
  readonly measure?: Measure;
  readonly questions?: QuestionSet;
  /** Language of the wording; the measure's first language when absent. */
  readonly language?: string;
  /** Re-asks after an unreadable reply before giving up on the item; 2 when absent. */
  readonly maxInvalidAttempts?: number;
  /** When the next check-in is expected, for the thank-you message. */
  readonly nextCheckIn?: Date;
  /** Zone the next check-in date is written in; Europe/London when absent. */
  readonly timeZone?: string;
  /** Tell the person how their score moved since last time; off unless turned on. */
  readonly progressMessages?: boolean;
  readonly previousScore?: number;
  /** Sent at once when an answer reaches an item's risk threshold; a UK default when absent. */
  readonly signposting?: string;
}

/**
 * The context as the parts of `step` see it: language and retry limit settled once, and `measure`
 * the list of questions asked (the set's `asked`: one measure, or several as one).
 */
export type ResolvedStepContext = StepContext & {
  readonly measure: Measure;
  readonly questions: QuestionSet;
  readonly language: string;
  readonly maxInvalidAttempts: number;
};
