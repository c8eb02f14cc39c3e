/**
 * What can happen to a questionnaire. `start` opens it (the scheduler, when a timepoint opens);
 * `reply` is a message from the person; `resume` brings it back after any gap (a worker's RESUME,
 * a restart); `reminder-due` is the reminder policy firing while the person owes an answer.
 */
export type QuestionnaireEvent =
  | { readonly type: 'start' }
  /** `mediaCount`: pictures or voice notes that came with it (none can be read as an answer). */
  | { readonly type: 'reply'; readonly text: string; readonly mediaCount?: number }
  | { readonly type: 'resume' }
  | { readonly type: 'reminder-due' };
