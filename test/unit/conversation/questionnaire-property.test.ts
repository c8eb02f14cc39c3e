import fc from 'fast-check';
import { step } from '../../../src/domain/conversation/step.js';
import { newQuestionnaireState } from '../../../src/domain/conversation/new-questionnaire-state.js';
import type { QuestionnaireEvent } from '../../../src/domain/conversation/questionnaire-event.js';
import { shippedMeasure } from '../measures/shipped-measure.js';
import { startTime } from './run-questionnaire.js';

const measures = ['phq9', 'core10', 'coping-and-support', 'ons4'].map(shippedMeasure);

const event: fc.Arbitrary<QuestionnaireEvent> = fc.oneof(
  fc.constantFrom<QuestionnaireEvent>({ type: 'start' }, { type: 'resume' }, { type: 'reminder-due' }),
  fc.constantFrom('0', '1', '2', '3', '4', '5', '10', 'back', 'skip', 'help', 'later', 'start', 'stop', 'lol', '', 'several days').map(
    (text): QuestionnaireEvent => ({ type: 'reply', text }),
  ),
  fc.string({ maxLength: 30 }).map((text): QuestionnaireEvent => ({ type: 'reply', text })),
);

describe('any sequence of events', () => {
  it('when events arrive in any order, then step never throws and the state stays consistent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...measures), fc.array(event, { maxLength: 40 }), (measure, events) => {
        let state = newQuestionnaireState('a', measure.id);
        events.forEach((next, i) => {
          const before = state.status;
          const { state: after, effects } = step(state, next, new Date(startTime.getTime() + i * 60_000), { measure });
          state = after;
          expect(state.currentIndex).toBeGreaterThanOrEqual(0);
          expect(state.currentIndex).toBeLessThan(measure.items.length);
          // A stopped questionnaire sends nothing unless the person themselves texted START.
          const restarted = next.type === 'reply' && /^\s*start\s*$/i.test(next.text);
          if (before === 'stopped' && !restarted) expect(effects).toEqual([]);
          if (before === 'completed') expect(effects).toEqual([]);
          if (effects.some((effect) => effect.type === 'stop')) expect(effects).toEqual([{ type: 'stop' }]);
          expect(effects.filter((effect) => effect.type === 'send' && effect.purpose === 'question').length).toBeLessThanOrEqual(1);
          if (state.status === 'completed') {
            for (const item of measure.items) expect(state.answers[item.id]).toBeDefined();
            expect(effects.filter((effect) => effect.type === 'complete').length).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
