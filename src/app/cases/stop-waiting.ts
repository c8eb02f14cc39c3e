import type { CaseDeps } from './case-deps.js';
import { withNumberLock } from './with-number-lock.js';

/**
 * A person's conversation stops waiting for answers (support ended, a window closed): under their
 * lock, the answers of the questionnaire in progress go to its assessment (the conversation held
 * them), then the conversation waits for nothing. Only if it is still the given enrolment's, and
 * for `assessmentId` only if that is the questionnaire in progress. Idempotent.
 */
export async function stopWaiting(deps: Pick<CaseDeps, 'contacts' | 'cases' | 'locks'>, phoneHash: string, which: { enrolmentId?: string; assessmentId?: string }): Promise<void> {
  await withNumberLock(deps, phoneHash, async () => {
    const conversation = (await deps.contacts.get(phoneHash))?.conversation;
    if (!conversation || conversation.awaiting === 'nothing') return;
    if (which.enrolmentId && conversation.enrolmentId !== which.enrolmentId) return;
    const inProgress = conversation.awaiting === 'questionnaire' ? conversation.questionnaire : undefined;
    if (which.assessmentId && inProgress?.assessmentId !== which.assessmentId) return;
    if (inProgress && Object.keys(inProgress.answers).length > 0) await deps.cases.updateAssessment(inProgress.assessmentId, { answers: { ...inProgress.answers } });
    await deps.contacts.saveConversation({ ...conversation, awaiting: 'nothing' });
  });
}
