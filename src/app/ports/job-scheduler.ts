export type JobAction = 'timepoint:open' | 'timepoint:remind' | 'timepoint:lapse' | 'consent:remind' | 'consent:lapse' | 'alert:escalate' | 'digest:daily' | 'summary:weekly';

/** Persisted jobs, one per subject (an assessment, enrolment or alert) and action: scheduling again moves it. */
export interface JobScheduler {
  schedule(action: JobAction, subjectId: string, at: Date): Promise<void>;
  cancel(action: JobAction, subjectId: string): Promise<void>;
  /**
   * Creates the job only if it does not exist yet (recurring jobs: a restart must not move an
   * overdue run), or moves it up to `at` when it waits for a later instant.
   */
  ensure(action: JobAction, subjectId: string, at: Date): Promise<void>;
  /** After the clock jumps (a demo's skip ahead, a restart under TIME_SCALE): wake every job at its instant again. */
  realign(): Promise<number>;
}

/** What a job handler decided: done, or wake me again at this instant (of the service's clock). */
export type JobOutcome = { done: true; note?: string } | { deferUntil: Date; note?: string };

/** The use case behind each kind of job. */
export type CaseJobHandlers = Record<JobAction, (subjectId: string) => Promise<JobOutcome>>;
