import { buildQuestionSet } from '../../../src/domain/measures/question-set.js';
import { shippedMeasure } from '../measures/shipped-measure.js';
import { effectTags, runQuestionnaire } from './run-questionnaire.js';

const ons4 = shippedMeasure('ons4');
const coping = shippedMeasure('coping-and-support');
const phq9 = shippedMeasure('phq9');
const wellbeing = buildQuestionSet([ons4, coping]);
const mood = buildQuestionSet([ons4, phq9]);

describe('a questionnaire of several measures', () => {
  it('when it starts, then the first question is numbered across the whole set', () => {
    expect(runQuestionnaire(wellbeing, []).lastSent).toEqual([expect.stringMatching(/^Q1\/9 Overall, how satisfied are you with your life nowadays\?/)]);
  });

  it('when the last ONS4 item is answered, then the first coping question follows as Q5/9', () => {
    const run = runQuestionnaire(wellbeing, ['7', '8', '6', '3']);
    expect(run.lastSent).toEqual([expect.stringMatching(/^Q5\/9 How are you feeling today\?/)]);
    expect(run.state).toMatchObject({ measureId: 'ons4+coping-and-support', currentIndex: 4 });
  });

  it('when BACK is sent on the first question of the second measure, then the last question of the first measure is asked again', () => {
    const run = runQuestionnaire(wellbeing, ['7', '8', '6', '3', 'back']);
    expect(run.lastSent).toEqual([expect.stringMatching(/^Q4\/9 Overall, how anxious did you feel yesterday\?/)]);
    const changed = runQuestionnaire(wellbeing, ['7', '8', '6', '3', 'back', '2']);
    expect(changed.state.answers['ons4:anxiety']).toMatchObject({ value: 2 });
    expect(changed.lastSent).toEqual([expect.stringMatching(/^Q5\/9 /)]);
  });

  it('when LATER is sent in the second measure and the reminder comes, then the same question comes back with its place in the set', () => {
    const run = runQuestionnaire(wellbeing, ['7', '8', '6', '3', '4', 'later', { type: 'reminder-due' }]);
    expect(run.lastSent).toEqual([expect.stringMatching(/^Just a reminder: Q6\/9 In the last 2 weeks, I have been able to deal with problems/)]);
  });

  it('when an optional item of the second measure is skipped and the rest answered, then each measure is scored on its own', () => {
    const run = runQuestionnaire(wellbeing, ['7', '8', '6', '3', 'skip', '4', '3', '5', '2']);
    expect(effectTags(run.last)).toEqual(['record-answer', 'complete', 'send:thanks']);
    const complete = run.last[1];
    expect(complete?.type === 'complete' ? complete.scores : []).toEqual([
      expect.objectContaining({ measureId: 'ons4', subscales: expect.arrayContaining([expect.objectContaining({ id: 'anxiety', score: 3 })]) }),
      expect.objectContaining({ measureId: 'coping-and-support', total: 14, scorable: true }),
    ]);
    expect(run.state.status).toBe('completed');
  });

  it('when the risk item of the second measure reaches its threshold, then the risk is raised at once, before the next question', () => {
    const run = runQuestionnaire(mood, ['7', '8', '6', '3', '0', '0', '0', '0', '0', '0', '0', '0', 'several days']);
    expect(effectTags(run.last)).toEqual(['record-answer', 'risk', 'send:signposting', 'complete', 'send:thanks']);
    expect(run.last[1]).toMatchObject({ type: 'risk', itemId: 'phq9:q9', value: 1 });
    const complete = run.last[3];
    expect(complete?.type === 'complete' ? complete.scores.map((s) => s.measureId) : []).toEqual(['ons4', 'phq9']);
    expect(complete?.type === 'complete' ? complete.scores[1]?.riskFlags : []).toEqual([expect.objectContaining({ itemId: 'q9', value: 1 })]);
  });

  it('when a progress line is asked for with several measures, then none is sent: there is no one score to compare', () => {
    const run = runQuestionnaire(wellbeing, ['7', '8', '6', '3', '4', '4', '3', '5', '2'], { context: { progressMessages: true, previousScore: 10 } });
    expect(effectTags(run.last)).toEqual(['record-answer', 'complete', 'send:thanks']);
  });
});
