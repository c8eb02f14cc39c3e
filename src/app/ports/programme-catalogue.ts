import type { QuestionnairePlan } from '../../domain/measures/questionnaire-plan.js';
import type { TimepointPlan } from '../../domain/schedule/timepoint-plan.js';

export interface Programme {
  id: string;
  /** Lower-case, hyphenated name: what a worker types after ENROL. */
  slug: string;
  name: string;
  /** The first measure of the plan's default list (older readers, and programmes of one measure). */
  measureId: string;
  /** Which measures each timepoint asks; absent on programmes added before there could be several: [measureId]. */
  questionnaire?: QuestionnairePlan;
  /** Follow-up offsets and windows, as parsed by src/domain/schedule (parseTimepointPlan). */
  plan: TimepointPlan;
  /**
   * The version of measures and timepoints above: 1 when added (or absent, from before editing),
   * one more at each `programme edit`. An enrolment keeps the version it started on.
   */
  planVersion?: number;
  /** Every version so far, the current one last, so an enrolment on an older one still finds its plan. */
  planVersions?: ProgrammePlanVersion[];
  /** Retired programmes take no new enrolments; live ones carry on. */
  retiredAt?: Date;
  isDefault: boolean;
  /** Off by default: a short, non-diagnostic "your score went from 18 to 23" after a follow-up. */
  progressMessages: boolean;
  createdAt: Date;
}

/** One version of a programme's plan: what an enrolment that started on it is asked, and when. */
export interface ProgrammePlanVersion {
  version: number;
  measureId: string;
  questionnaire: QuestionnairePlan;
  plan: TimepointPlan;
  at: Date;
}

export interface ProgrammeCatalogue {
  add(programme: Programme): Promise<'added' | 'duplicate-slug'>;
  /**
   * Replaces a programme (a new plan version, retirement) if it is still at `expectedVersion`:
   * 'conflict' when someone changed it since it was read, so nobody's edit is lost.
   */
  update(programme: Programme, expectedVersion: number): Promise<'updated' | 'conflict'>;
  /** By slug or name, any case. */
  find(nameOrSlug: string): Promise<Programme | null>;
  /** By id; `planVersion` asks for a copy that knows that version (read again if the one kept does not). */
  get(id: string, planVersion?: number): Promise<Programme | null>;
  getDefault(): Promise<Programme | null>;
  list(): Promise<Programme[]>;
}
