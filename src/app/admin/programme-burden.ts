import { consentRequest } from '../../domain/cases/consent.js';
import { questionnaireWording } from '../../domain/conversation/questionnaire-wording.js';
import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import { measuresAt, questionSetOf, questionsWarningAbove } from '../../domain/measures/questionnaire-plan.js';
import { renderItem } from '../../domain/measures/render-item.js';
import { countSmsSegments } from '../../domain/messaging/count-sms-segments.js';
import { describePlan } from '../cases/describe-plan.js';
import { questionnaireOf } from '../cases/programme-for.js';
import type { Programme } from '../ports/programme-catalogue.js';
import { invitationText } from '../scheduling/open-timepoint.js';

export interface TimepointBurden {
  timepointId: string;
  measures: string[];
  questions: number;
  /** SMS segments a person receives: the invitation (the consent request at baseline), every question, the thank-you. */
  segments: { invitation: number; items: number; thanks: number; total: number };
  warning?: string;
}

/**
 * What each timepoint asks of a person, from the texts promptly would really send (rendered as in
 * a conversation, counted by count-sms-segments): how many questions and SMS segments, with a
 * warning above 15 questions, since people in SMS surveys stop after a median of about 9.
 */
export function programmeBurden(programme: Programme, catalogue: MeasureCatalogue, orgName: string): TimepointBurden[] {
  const plan = questionnaireOf(programme);
  const timepoints = ['baseline', ...programme.plan.followUps.map((f) => f.id), ...(programme.plan.discharge ? ['discharge'] : [])];
  return timepoints.map((timepointId) => {
    const ids = [...measuresAt(plan, timepointId)];
    const set = questionSetOf(ids, catalogue);
    if (!set) return { timepointId, measures: ids, questions: 0, segments: { invitation: 0, items: 0, thanks: 0, total: 0 }, warning: `a measure of ${ids.join(', ')} is not loaded` };
    const count = set.asked.items.length;
    const invitation = timepointId === 'baseline'
      ? consentRequest({ orgName, workerName: 'your worker', measureTitle: set.asked.title, itemCount: count, schedule: describePlan(programme), channel: 'sms' }).text
      : invitationText(orgName, timepointId, count);
    const items = set.asked.items.reduce((sum, item, i) => sum + renderItem(set.asked, item.id, { position: { number: i + 1, of: count } }).segments, 0);
    // The longest date the thank-you can name, so the count is never below what is sent.
    const thanks = countSmsSegments(questionnaireWording.thanks('Wednesday 30 September')).segments;
    const segments = { invitation: countSmsSegments(invitation).segments, items, thanks, total: 0 };
    segments.total = segments.invitation + segments.items + segments.thanks;
    const warning = count > questionsWarningAbove
      ? `${count} questions at ${timepointId}: more than ${questionsWarningAbove}, and people answering by SMS stop after a median of about 9`
      : undefined;
    return { timepointId, measures: ids, questions: count, segments, ...(warning ? { warning } : {}) };
  });
}
