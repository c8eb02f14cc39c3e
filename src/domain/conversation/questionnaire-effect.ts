import type { ScoreResult } from '../measures/score-measure.js';

/**
 * What `step` asks the outside world to do, as data, in the order it should happen. The app layer
 * performs them; the domain never sends or stores anything itself.
 */
export type QuestionnaireEffect =
  | { readonly type: 'send'; readonly text: string; readonly purpose: SendPurpose }
  | {
      readonly type: 'record-answer';
      readonly itemId: string;
      readonly raw: string;
      readonly value: number | null;
      readonly at: Date;
      readonly attempts: number;
    }
  /** `scores`: one per measure of the set, in order; `score` is the first (the only one, usually). */
  | { readonly type: 'complete'; readonly score: ScoreResult; readonly scores: readonly ScoreResult[] }
  | { readonly type: 'risk'; readonly itemId: string; readonly value: number; readonly label: string }
  | { readonly type: 'notify-worker'; readonly reason: NotifyWorkerReason; readonly itemId?: string }
  | { readonly type: 'stop' }
  | { readonly type: 'pause'; readonly until: 'next-reminder' };

export type SendPurpose = 'question' | 'reprompt' | 'help' | 'thanks' | 'progress' | 'signposting' | 'later';

/** Why a worker should look; the conversation itself raises only 'paused-invalid'. */
export type NotifyWorkerReason = 'paused-invalid' | 'declined' | 'consent-lapsed' | 'stopped';
