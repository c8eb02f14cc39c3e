import { shippedMeasure } from '../measures/shipped-measure.js';
import { effectTags, runQuestionnaire } from './run-questionnaire.js';

const phq9 = shippedMeasure('phq9');
const core10 = shippedMeasure('core10');
const defaultSignposting =
  'If you are struggling or feel unsafe, please talk to someone now: Samaritans 116 123 (free, 24/7), NHS 111, or 999 in an emergency. ' +
  'Your worker will be in touch.';

describe('answers at a risk threshold', () => {
  it('when PHQ-9 item 9 is answered at the threshold, then risk and signposting come at once, before the completion and thanks', () => {
    const run = runQuestionnaire(phq9, ['0', '1', '1', '2', '0', '1', '0', '0', 'several days']);
    expect(effectTags(run.last)).toEqual(['record-answer', 'risk', 'send:signposting', 'complete', 'send:thanks']);
    expect(run.last[1]).toEqual({
      type: 'risk',
      itemId: 'q9',
      value: 1,
      label: 'Thoughts of being better off dead or of self-harm (PHQ-9 item 9): follow the risk procedure',
    });
    expect(run.last[2]).toEqual({ type: 'send', purpose: 'signposting', text: defaultSignposting });
    expect(run.last[3]).toMatchObject({ score: { riskFlags: [{ itemId: 'q9', value: 1 }] } });
  });

  it('when PHQ-9 item 9 is answered 0, then there is no risk effect and no signposting', () => {
    const run = runQuestionnaire(phq9, ['0', '1', '1', '2', '0', '1', '0', '0', '0']);
    expect(effectTags(run.last)).toEqual(['record-answer', 'complete', 'send:thanks']);
  });

  it('when CORE-10 item 6 is answered at the threshold mid-questionnaire, then signposting is sent before the next question', () => {
    const run = runQuestionnaire(core10, ['1', '2', '2', '1', '0', 'only occasionally']);
    expect(effectTags(run.last)).toEqual(['record-answer', 'risk', 'send:signposting', 'send:question']);
    expect(run.last[1]).toMatchObject({ type: 'risk', itemId: 'q6', value: 1 });
    expect(run.last[3]).toMatchObject({ text: expect.stringMatching(/^Q7\/10 /) });
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 6 });
  });

  it('when the organisation sets its own signposting text, then that text is sent (as GSM-7)', () => {
    const signposting = 'Please call our helpline on 0800 000 000 \u2013 or 999 in an emergency.';
    const run = runQuestionnaire(core10, ['1', '2', '2', '1', '0', '4'], { context: { signposting } });
    expect(run.last[2]).toEqual({ type: 'send', purpose: 'signposting', text: 'Please call our helpline on 0800 000 000 - or 999 in an emergency.' });
  });

  it('when a risk answer is changed with BACK, then the new answer is judged again on its own', () => {
    const run = runQuestionnaire(core10, ['1', '2', '2', '1', '0', '0', 'back', '3']);
    expect(effectTags(run.turns[6] ?? [])).toEqual(['record-answer', 'send:question']);
    expect(effectTags(run.last)).toEqual(['record-answer', 'risk', 'send:signposting', 'send:question']);
    expect(run.state.answers.q6).toMatchObject({ value: 3 });
  });
});
