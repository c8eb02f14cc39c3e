import { shippedMeasure } from '../measures/shipped-measure.js';
import { effectTags, runQuestionnaire } from './run-questionnaire.js';

const phq9 = shippedMeasure('phq9');
const core10 = shippedMeasure('core10');
const ons4 = shippedMeasure('ons4');

describe('unreadable replies', () => {
  it('when a reply cannot be read, then the parser\'s reason and the options are sent and the same item stays current', () => {
    const run = runQuestionnaire(phq9, ['1', '7']);
    expect(run.last).toEqual([
      {
        type: 'send',
        purpose: 'reprompt',
        text: "7 isn't one of the answers. Please reply with a number from 0 to 3.\n0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day",
      },
    ]);
    expect(run.state).toMatchObject({ status: 'asking', currentIndex: 1, invalidAttempts: 1 });
  });

  it('when a long scale is re-asked, then its two labelled ends are shown', () => {
    const [reprompt] = runQuestionnaire(ons4, ['eleven']).lastSent;
    expect(reprompt).toMatch(/\n0 \(Not at all\) to 10 \(Completely\)$/);
  });

  it('when the second unreadable reply arrives, then the item is re-asked once more (two re-asks by default)', () => {
    const run = runQuestionnaire(phq9, ['what', 'dunno']);
    expect(effectTags(run.last)).toEqual(['send:reprompt']);
    expect(run.state.invalidAttempts).toBe(2);
  });

  it('when a required item gets a third unreadable reply, then the questionnaire pauses and the worker is told', () => {
    const run = runQuestionnaire(phq9, ['2', 'what', 'dunno', 'lol']);
    expect(run.last).toEqual([
      {
        type: 'send',
        purpose: 'help',
        text:
          "Sorry, I still couldn't tell which answer you meant, so I've let your worker know and they may get in touch. " +
          'You can reply with a number from 0 to 3 at any time to carry on.',
      },
      { type: 'notify-worker', reason: 'paused-invalid', itemId: 'q2' },
    ]);
    expect(run.state).toMatchObject({ status: 'paused', pausedReason: 'invalid-replies', currentIndex: 1, invalidAttempts: 3 });
    expect(run.state.answers.q2).toBeUndefined();
  });

  describe('after pausing on unreadable replies', () => {
    const paused = runQuestionnaire(phq9, ['2', 'what', 'dunno', 'lol']).state;

    it('when a reminder falls due, then nothing is sent: the worker is handling it', () => {
      expect(runQuestionnaire(phq9, [{ type: 'reminder-due' }], { from: paused })).toMatchObject({ state: paused, last: [] });
    });

    it('when another unreadable reply arrives, then it is re-asked but the worker is not told again', () => {
      const run = runQuestionnaire(phq9, ['hmm'], { from: paused });
      expect(effectTags(run.last)).toEqual(['send:reprompt']);
      expect(run.state).toMatchObject({ status: 'paused', pausedReason: 'invalid-replies' });
    });

    it('when a readable answer finally arrives, then it is stored with every attempt counted and the questionnaire carries on', () => {
      const run = runQuestionnaire(phq9, ['hmm', 'several days'], { from: paused });
      expect(run.state.answers.q2).toMatchObject({ value: 1, attempts: 5 });
      expect(run.state).toMatchObject({ status: 'asking', currentIndex: 2, invalidAttempts: 0 });
      expect(run.state.pausedReason).toBeUndefined();
      expect(run.lastSent[0]).toMatch(/^Q3\/9 /);
    });

    it('when the worker resumes it, then the item is asked afresh with a full set of tries', () => {
      const run = runQuestionnaire(phq9, [{ type: 'resume' }, 'eh'], { from: paused });
      expect(run.turns[0]).toEqual([{ type: 'send', purpose: 'question', text: expect.stringMatching(/^Q2\/9 /) }]);
      expect(run.state).toMatchObject({ status: 'asking', invalidAttempts: 1 });
    });
  });

  it('when a CORE-10 item gets three unreadable replies, then it is left missing, the next item is asked and the total is prorated', () => {
    const run = runQuestionnaire(core10, ['2', '3', '1', 'eh', 'what', 'hmm', '2', '0', '3', '1', '2', '1']);
    expect(run.turns[6]).toEqual([
      { type: 'record-answer', itemId: 'q4', raw: 'hmm', value: null, at: expect.any(Date), attempts: 3 },
      { type: 'send', purpose: 'question', text: expect.stringMatching(/^Let's move on\. Q5\/10 Over the last week: I have felt panic or terror\./) },
    ]);
    // Keyed: q1 2, q2 4-3=1, q3 4-1=3, q5 2, q6 0, q7 3, q8 1, q9 2, q10 1 = 15 over nine items; 10 x 15 / 9 = 16.67.
    expect(run.last[1]).toMatchObject({
      type: 'complete',
      score: { scorable: true, prorated: true, total: 16.67, missing: ['q4'], band: 'Moderate' },
    });
    expect(run.state.status).toBe('completed');
  });

  it('when a second CORE-10 item gets three unreadable replies, then the missing-item rule is full and the questionnaire pauses', () => {
    const run = runQuestionnaire(core10, ['2', 'x', 'x', 'x', '1', 'y', 'y', 'y']);
    expect(run.state.answers.q2).toMatchObject({ value: null });
    expect(effectTags(run.last)).toEqual(['send:help', 'notify-worker']);
    expect(run.state).toMatchObject({ status: 'paused', pausedReason: 'invalid-replies', currentIndex: 3 });
  });

  it('when a measure without a total (ONS4) gets three unreadable replies, then it pauses rather than leave the item out', () => {
    const run = runQuestionnaire(ons4, ['x', 'x', 'x']);
    expect(effectTags(run.last)).toEqual(['send:help', 'notify-worker']);
  });

  it.each([
    [0, ['x'], ['send:help', 'notify-worker']],
    [1, ['x'], ['send:reprompt']],
    [1, ['x', 'x'], ['send:help', 'notify-worker']],
    [4, ['x', 'x', 'x', 'x'], ['send:reprompt']],
  ])('when maxInvalidAttempts is %d and the replies are %j, then the last effects are %j', (maxInvalidAttempts, replies, tags) => {
    expect(effectTags(runQuestionnaire(phq9, replies, { context: { maxInvalidAttempts } }).last)).toEqual(tags);
  });

  it('when an unreadable reply comes after LATER, then it is re-asked and the questionnaire is no longer paused', () => {
    const run = runQuestionnaire(phq9, ['later', 'eh']);
    expect(run.state).toMatchObject({ status: 'asking', invalidAttempts: 1 });
    expect(run.state.pausedReason).toBeUndefined();
  });
});
