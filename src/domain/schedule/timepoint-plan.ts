import type { SendWindow } from './send-window.js';

/**
 * When a programme asks its follow-ups, all in whole local calendar days. Offsets count from the
 * local date the baseline was completed (follow-ups) or the enrolment was marked done (discharge).
 */
export interface TimepointPlan {
  readonly followUps: readonly FollowUpTimepoint[];
  readonly discharge?: DischargeTimepoint;
  /** Days after a timepoint opened on which to chase an unanswered questionnaire; default [2, 5], or those of them within every window. */
  readonly reminders: { readonly afterDays: readonly number[] };
  /** Days after the consent request on which to chase a missing YES; default [2, 5]. */
  readonly consentReminders: { readonly afterDays: readonly number[] };
}

export interface FollowUpTimepoint {
  readonly id: string;
  readonly offsetDays: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
}

/** A discharge follow-up opens on its due day: there is nothing to ask before the work is done. */
export interface DischargeTimepoint {
  readonly offsetDays: number;
  readonly windowAfterDays: number;
}

export interface ScheduleOptions {
  /** Local time of day the invitation goes on the due day; default "10:00". */
  readonly sendTime?: string;
  /** Local send window; windows open at its start and close at its end. Default 09:00-20:00. */
  readonly window?: SendWindow;
}

/** One timepoint placed on the calendar, as UTC instants. */
export interface ScheduledTimepoint {
  readonly timepointId: string;
  readonly kind: 'follow-up' | 'discharge';
  /** When the invitation goes: the due day at the send time, never in quiet hours. */
  readonly dueAt: Date;
  /** Window start: `windowBeforeDays` before the due day, at the send window start. */
  readonly opensAt: Date;
  /** Window end: `windowAfterDays` after the due day, at the send window end. */
  readonly closesAt: Date;
}

export const defaultReminderDays: readonly number[] = [2, 5];
export const defaultSendTime = '10:00';
