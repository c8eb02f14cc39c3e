import type { TimepointPlan } from '../../domain/schedule/timepoint-plan.js';

export interface Programme {
  id: string;
  /** Lower-case, hyphenated name: what a worker types after ENROL. */
  slug: string;
  name: string;
  measureId: string;
  /** Follow-up offsets and windows, as parsed by src/domain/schedule (parseTimepointPlan). */
  plan: TimepointPlan;
  isDefault: boolean;
  /** Off by default: a short, non-diagnostic "your score went from 18 to 23" after a follow-up. */
  progressMessages: boolean;
  createdAt: Date;
}

export interface ProgrammeCatalogue {
  add(programme: Programme): Promise<'added' | 'duplicate-slug'>;
  /** By slug or name, any case. */
  find(nameOrSlug: string): Promise<Programme | null>;
  get(id: string): Promise<Programme | null>;
  getDefault(): Promise<Programme | null>;
  list(): Promise<Programme[]>;
}
