import { reminderInstants, sameLocalTimeDaysLater } from './reminder-instants.js';
import { defaultSendWindow, type SendWindow } from './send-window.js';

/**
 * When an unanswered timepoint or consent request stops being chased and counts as lapsed (the
 * worker hears about it in their next digest). The caller chooses, explicitly:
 * - `{ after: 'last-reminder', days }`: `days` local calendar days after the last reminder, at
 *   the reminder's local clock time (after `openedAt` when there are no reminders). Suits consent,
 *   which has no window, and programmes that want workers told quickly.
 * - `{ after: 'window-close', closesAt }`: when the timepoint's window closes, so a late reply can
 *   still be taken right up to the end of the window.
 * Lapsing sends nothing to the service-user, so it is not held to the send window.
 */
export type LapseRule =
  | { readonly after: 'last-reminder'; readonly days: number }
  | { readonly after: 'window-close'; readonly closesAt: Date };

export function lapseInstant(
  openedAt: Date,
  afterDays: readonly number[],
  timeZone: string,
  rule: LapseRule,
  window: SendWindow = defaultSendWindow,
): Date {
  if (rule.after === 'window-close') return rule.closesAt;
  const lastChase = reminderInstants(openedAt, afterDays, timeZone, window).at(-1) ?? openedAt;
  return sameLocalTimeDaysLater(lastChase, rule.days, timeZone);
}
