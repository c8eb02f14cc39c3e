import { newQuestionnaireState } from '../../../src/domain/conversation/new-questionnaire-state.js';
import { shippedMeasure } from '../measures/shipped-measure.js';
import { effectTags, runQuestionnaire, sentTexts } from './run-questionnaire.js';

const phq9 = shippedMeasure('phq9');

describe('LATER and reminders', () => {
  it('when the person replies LATER, then a short acknowledgement is sent and the questionnaire pauses until the next reminder', () => {
    const run = runQuestionnaire(phq9, ['1', 'not now']);
    expect(run.last).toEqual([
      { type: 'send', purpose: 'later', text: "No problem. I'll send you a reminder later, or reply any time to carry on where you left off." },
      { type: 'pause', until: 'next-reminder' },
    ]);
    expect(run.state).toMatchObject({ status: 'paused', pausedReason: 'later', currentIndex: 1 });
  });

  it('when a reminder falls due after LATER, then the same item is sent again with a reminder prefix', () => {
    const run = runQuestionnaire(phq9, ['1', 'later', { type: 'reminder-due' }]);
    expect(run.last).toEqual([{ type: 'send', purpose: 'question', text: expect.stringMatching(/^Just a reminder: Q2\/9 Over the last 2 weeks/) }]);
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 1 });
    expect(run.state.pausedReason).toBeUndefined();
  });

  it('when a reminder falls due while a question is unanswered, then the question is sent again with the prefix', () => {
    expect(runQuestionnaire(phq9, ['1', '2', { type: 'reminder-due' }]).lastSent).toEqual([expect.stringMatching(/^Just a reminder: Q3\/9 /)]);
  });

  it('when a paused question is answered without waiting for the reminder, then the answer counts and the next item is asked', () => {
    const run = runQuestionnaire(phq9, ['1', 'later', 'more than half the days']);
    expect(run.state.answers.q2).toMatchObject({ value: 2, raw: 'more than half the days' });
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 2 });
  });

  it('when a reminder falls due before the questionnaire was started, then the first item is sent without a prefix', () => {
    const run = runQuestionnaire(phq9, [{ type: 'reminder-due' }], { from: newQuestionnaireState('a', 'phq9') });
    expect(run.lastSent).toEqual([expect.stringMatching(/^Q1\/9 /)]);
    expect(run.state.status).toBe('asking');
  });
});

describe('resuming after a gap', () => {
  it('when the questionnaire is resumed, then exactly the current item is sent again and earlier answers are kept', () => {
    const before = runQuestionnaire(phq9, ['1', '2', '3']).state;
    const run = runQuestionnaire(phq9, [{ type: 'resume' }], { from: before });
    expect(run.last).toEqual([{ type: 'send', purpose: 'question', text: expect.stringMatching(/^Q4\/9 /) }]);
    expect(run.state.answers).toEqual(before.answers);
    expect(run.state.currentIndex).toBe(3);
  });

  it('when start arrives again for a questionnaire under way, then it is treated as resume', () => {
    const before = runQuestionnaire(phq9, ['1', 'later']).state;
    expect(runQuestionnaire(phq9, [{ type: 'start' }], { from: before }).lastSent).toEqual([expect.stringMatching(/^Q2\/9 /)]);
  });

  it('when a questionnaire starts with some answers already stored, then it begins at the first unanswered item', () => {
    const partly = { ...newQuestionnaireState('a', 'phq9'), answers: { q1: { raw: '1', value: 1, at: new Date(0), attempts: 1 } } };
    const run = runQuestionnaire(phq9, [{ type: 'start' }], { from: partly });
    expect(run.state.currentIndex).toBe(1);
    expect(run.lastSent).toEqual([expect.stringMatching(/^Q2\/9 /)]);
  });
});

describe('STOP', () => {
  it('when the person replies STOP mid-way, then the questionnaire stops with a stop effect and nothing is sent', () => {
    const run = runQuestionnaire(phq9, ['1', '2', 'Stop texting me']);
    expect(run.last).toEqual([{ type: 'stop' }]);
    expect(run.state).toMatchObject({ status: 'stopped', currentIndex: 2, stoppedAt: expect.any(Date) });
  });

  it('when anything else happens after STOP, then no further messages are sent', () => {
    const run = runQuestionnaire(phq9, ['1', 'STOP', { type: 'reminder-due' }, { type: 'resume' }, { type: 'start' }, '2', 'help']);
    expect(run.turns.slice(3).flatMap(sentTexts)).toEqual([]);
    expect(run.turns.slice(3).flat()).toEqual([]);
    expect(run.state.status).toBe('stopped');
  });

  it('when the person texts START after STOP, then the item they stopped at is asked again', () => {
    const run = runQuestionnaire(phq9, ['1', 'STOP', 'start']);
    expect(run.lastSent).toEqual([expect.stringMatching(/^Q2\/9 /)]);
    expect(run.state).toMatchObject({ status: 'asking', answers: { q1: { value: 1 } } });
    expect(run.state.stoppedAt).toBeUndefined();
  });

  it('when STOP arrives before the first question, then the questionnaire stops without sending it', () => {
    const run = runQuestionnaire(phq9, ['stop'], { from: newQuestionnaireState('a', 'phq9') });
    expect(run.last).toEqual([{ type: 'stop' }]);
    expect(run.state.status).toBe('stopped');
  });

  it('when STOP is sent while paused, then it stops just the same', () => {
    expect(effectTags(runQuestionnaire(phq9, ['later', 'unsubscribe']).last)).toEqual(['stop']);
  });
});

describe('misuse by callers', () => {
  it('when the measure does not match the questionnaire, then step throws: that is a wiring bug, not a reply', () => {
    const core10 = shippedMeasure('core10');
    expect(() => runQuestionnaire(core10, [{ type: 'start' }], { from: newQuestionnaireState('a', 'phq9') })).toThrow('questionnaire a is for phq9, not core10');
  });

  it('when the measure has no wording yet (a licensed skeleton), then step throws the usability reason', () => {
    const swemwbs = shippedMeasure('swemwbs');
    expect(() => runQuestionnaire(swemwbs, [])).toThrow(/has no wording/);
  });
});
