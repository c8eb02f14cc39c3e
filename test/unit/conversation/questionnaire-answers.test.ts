import { newQuestionnaireState } from '../../../src/domain/conversation/new-questionnaire-state.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { shippedMeasure } from '../measures/shipped-measure.js';
import { effectTags, runQuestionnaire, sentTexts, startTime } from './run-questionnaire.js';

const phq9 = shippedMeasure('phq9');
const coping = shippedMeasure('coping-and-support');

describe('answering a questionnaire', () => {
  it('when it starts, then only the first item is sent, numbered Q1/9', () => {
    const run = runQuestionnaire(phq9, []);
    expect(run.last).toEqual([{ type: 'send', purpose: 'question', text: expect.stringMatching(/^Q1\/9 Over the last 2 weeks/) }]);
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 0, startedAt: startTime, invalidAttempts: 0 });
  });

  it('when a PHQ-9 is answered with messy replies, then each is stored with its raw text and the score is the hand-computed 13', () => {
    const replies = ['  2 ', 'several days', 'Nearly everyday!!', 'maybe', '3\uFE0F\u20E3', 'NOT AT ALL', 'help', "i'd say most days", 'sometimes.', 'ONE', 'nope'];
    const run = runQuestionnaire(phq9, replies, { context: { nextCheckIn: new Date('2026-04-14T09:00:00Z'), timeZone: 'Europe/London' } });
    // 2 + 1 + 3 + 3 + 0 + 2 + 1 + 1 + 0 = 13: moderate, at the caseness threshold of 10 or more.
    const values = Object.fromEntries(Object.entries(run.state.answers).map(([id, answer]) => [id, answer.value]));
    expect(values).toEqual({ q1: 2, q2: 1, q3: 3, q4: 3, q5: 0, q6: 2, q7: 1, q8: 1, q9: 0 });
    expect(run.state.answers.q4).toMatchObject({ raw: '3\uFE0F\u20E3', attempts: 2 });
    expect(run.state.answers.q1).toEqual({ raw: '  2 ', value: 2, at: new Date(startTime.getTime() + 60_000), attempts: 1 });
    expect(run.state).toMatchObject({ status: 'completed', completedAt: new Date(startTime.getTime() + 11 * 60_000) });
    expect(effectTags(run.last)).toEqual(['record-answer', 'complete', 'send:thanks']);
    expect(run.last[1]).toMatchObject({ type: 'complete', score: { scorable: true, total: 13, band: 'Moderate', cutoff: { reached: true } } });
    expect(run.lastSent).toEqual(["Thank you, that's all the questions for now. I'll check in with you again around Tuesday 14 April."]);
  });

  it('when a reply is an answer, then a record-answer effect carries the raw text, value, time and attempts', () => {
    const run = runQuestionnaire(phq9, ['three']);
    expect(run.last[0]).toEqual({ type: 'record-answer', itemId: 'q1', raw: 'three', value: 3, at: new Date(startTime.getTime() + 60_000), attempts: 1 });
    expect(run.last[1]).toMatchObject({ type: 'send', purpose: 'question', text: expect.stringMatching(/^Q2\/9 /) });
  });

  it('when the person replies BACK, then the previous item is asked again and its new answer replaces the old one', () => {
    const run = runQuestionnaire(phq9, ['3', '2', 'back']);
    expect(run.last).toEqual([{ type: 'send', purpose: 'question', text: expect.stringMatching(/^Q2\/9 /) }]);
    expect(run.state.currentIndex).toBe(1);
    const replaced = runQuestionnaire(phq9, ['1'], { from: run.state });
    expect(replaced.state.answers.q2).toMatchObject({ raw: '1', value: 1 });
    expect(replaced.state.answers.q1).toMatchObject({ value: 3 });
    expect(replaced.last[0]).toMatchObject({ type: 'record-answer', itemId: 'q2', value: 1 });
    expect(replaced.lastSent[0]).toMatch(/^Q3\/9 /);
  });

  it('when the person replies BACK twice, then they step back two items and carry on in order from there', () => {
    const run = runQuestionnaire(phq9, ['3', '2', 'back', 'go back', '0']);
    expect(run.state.answers.q1).toMatchObject({ value: 0 });
    expect(run.lastSent[0]).toMatch(/^Q2\/9 /);
  });

  it('when the person replies BACK to the first item, then they are told there is nothing earlier and the first item is asked again', () => {
    const run = runQuestionnaire(phq9, ['back']);
    expect(run.lastSent).toEqual([expect.stringMatching(/^This is the first question, so there's nothing to go back to\. Q1\/9 /)]);
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 0, invalidAttempts: 0 });
  });

  it('when an optional item is skipped, then it is recorded as missing and the next item is asked', () => {
    const run = runQuestionnaire(coping, ['skip']);
    expect(run.last[0]).toMatchObject({ type: 'record-answer', itemId: 'feeling', raw: 'skip', value: null, attempts: 1 });
    expect(run.lastSent[0]).toMatch(/^Q2\/\d+ /);
    expect(run.state.currentIndex).toBe(1);
  });

  it('when a required item is skipped, then the parser\'s reason is sent with the options and the item stays current', () => {
    const run = runQuestionnaire(phq9, ['SKIP']);
    expect(run.last).toEqual([
      {
        type: 'send',
        purpose: 'reprompt',
        text: "This question can't be skipped. Please reply with a number from 0 to 3.\n0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day",
      },
    ]);
    expect(run.state).toMatchObject({ currentIndex: 0, invalidAttempts: 1, answers: {} });
  });

  it('when the person asks for HELP, then how to answer is explained and the current item is sent again', () => {
    const run = runQuestionnaire(phq9, ['2', 'help']);
    expect(effectTags(run.last)).toEqual(['send:help', 'send:question']);
    expect(run.lastSent[0]).toBe(
      'To answer, reply with just the number of your answer, e.g. 0. You can also reply BACK to change your last answer, ' +
        'LATER to carry on another time, or STOP to stop these messages.',
    );
    expect(run.lastSent[1]).toMatch(/^Q2\/9 /);
    expect(run.state.invalidAttempts).toBe(0);
  });

  it('when the person asks for HELP on an optional first item, then SKIP is offered and BACK is not', () => {
    const [help] = runQuestionnaire(coping, ['?']).lastSent;
    expect(help).toContain('SKIP to leave this question out');
    expect(help).not.toContain('BACK');
  });

  it('when the person texts START in the middle, then the current item is sent again', () => {
    const run = runQuestionnaire(phq9, ['1', 'START']);
    expect(run.last).toEqual([{ type: 'send', purpose: 'question', text: expect.stringMatching(/^Q2\/9 /) }]);
  });

  it('when a reply arrives before the questionnaire has started, then it opens the questionnaire and is not taken as an answer', () => {
    const run = runQuestionnaire(phq9, ['2'], { from: newQuestionnaireState('assessment-1', 'phq9') });
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 0, answers: {} });
    expect(run.lastSent[0]).toMatch(/^Q1\/9 /);
  });

  it('when a questionnaire is completed, then further events change nothing and send nothing', () => {
    const done = runQuestionnaire(phq9, ['0', '0', '0', '0', '0', '0', '0', '0', '0']);
    for (const event of [{ type: 'start' } as const, { type: 'resume' } as const, { type: 'reminder-due' } as const, '2']) {
      const after = runQuestionnaire(phq9, [event], { from: done.state });
      expect(after).toMatchObject({ state: done.state, last: [] });
    }
  });

  it('when every message is built, then it is plain GSM-7 text', () => {
    const run = runQuestionnaire(coping, ['help', 'skip', 'maybe', 'back', '\u{1F600}', '5']);
    const texts = run.turns.flatMap(sentTexts);
    expect(texts.length).toBeGreaterThan(6);
    for (const text of texts) expect(countSmsSegments(text).encoding).toBe('GSM-7');
  });
});

describe('finishing a questionnaire', () => {
  const allButLast = ['0', '1', '1', '2', '0', '1', '0', '0'];

  it('when there is no next check-in date, then the thanks message says only thank you', () => {
    expect(runQuestionnaire(phq9, [...allButLast, '0']).lastSent).toEqual(["Thank you, that's all the questions for now."]);
  });

  it('when progress messages are on and there is a previous score, then a plain progress line follows the thanks', () => {
    const run = runQuestionnaire(phq9, [...allButLast, '0'], { context: { progressMessages: true, previousScore: 18 } });
    expect(effectTags(run.last)).toEqual(['record-answer', 'complete', 'send:thanks', 'send:progress']);
    expect(run.lastSent[1]).toBe('Your score went from 18 to 5.');
  });

  it('when progress messages are off (the default), then no score is ever sent to the person', () => {
    const run = runQuestionnaire(phq9, [...allButLast, '0'], { context: { previousScore: 18 } });
    expect(effectTags(run.last)).not.toContain('send:progress');
  });

  it('when the score is unchanged, then the progress line says it is the same', () => {
    const run = runQuestionnaire(phq9, [...allButLast, '0'], { context: { progressMessages: true, previousScore: 5 } });
    expect(run.lastSent[1]).toBe('Your score is 5, the same as last time.');
  });
});
