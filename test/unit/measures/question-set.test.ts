import { buildQuestionSet, scoreQuestionSet, answersByMeasure } from '../../../src/domain/measures/question-set.js';
import { measuresAt, parseQuestionnairePlan, questionSetAt } from '../../../src/domain/measures/questionnaire-plan.js';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';
import { shippedMeasure } from './shipped-measure.js';

const catalogue = loadMeasures();
const [phq9, gad7, phq4, ons4] = ['phq9', 'gad7', 'phq4', 'ons4'].map(shippedMeasure) as [never, never, never, never];

describe('the questions of one timepoint', () => {
  it('when PHQ-9, GAD-7 and PHQ-4 are asked together, then there are 16 questions, PHQ-4 adding none of its own', () => {
    const set = buildQuestionSet([phq9, gad7, phq4]);
    expect(set.id).toBe('phq9+gad7+phq4');
    expect(set.asked.items).toHaveLength(16);
    expect(set.asked.items.map((item) => item.id).slice(7, 10)).toEqual(['phq9:q8', 'phq9:q9', 'gad7:q1']);
    expect(set.sources['gad7:q1']).toEqual([{ measureId: 'gad7', itemId: 'q1' }, { measureId: 'phq4', itemId: 'q1' }]);
    expect(set.sources['phq9:q2']).toEqual([{ measureId: 'phq9', itemId: 'q2' }, { measureId: 'phq4', itemId: 'q4' }]);
    expect(set.asked.items[0]?.text?.en).toBe('Over the last 2 weeks, how often: little interest or pleasure in doing things?');
    expect(set.asked.items[8]?.risk).toMatchObject({ atOrAbove: 1 });
  });

  it('when PHQ-4 comes first, then its questions are asked at its places and PHQ-9 and GAD-7 skip them', () => {
    const set = buildQuestionSet([phq4, phq9, gad7]);
    expect(set.asked.items.map((item) => item.id).slice(0, 6)).toEqual(['phq4:q1', 'phq4:q2', 'phq4:q3', 'phq4:q4', 'phq9:q3', 'phq9:q4']);
    expect(set.asked.items).toHaveLength(16);
  });

  it('when the 16 answers are given, then each measure is scored on its own and the scores equal the hand-computed ones', () => {
    const set = buildQuestionSet([phq9, gad7, phq4]);
    const values = [1, 2, 3, 0, 1, 3, 2, 0, 0, /* GAD-7 */ 3, 2, 1, 1, 0, 2, 1];
    const answers = Object.fromEntries(set.asked.items.map((item, i) => [item.id, values[i]]));
    expect(answersByMeasure(set, answers).phq4).toEqual({ q1: 3, q2: 2, q3: 1, q4: 2 });
    const [p9, g7, p4] = scoreQuestionSet(set, answers);
    // PHQ-9: 1+2+3+0+1+3+2+0+0 = 12; GAD-7: 3+2+1+1+0+2+1 = 10; PHQ-4: GAD-2 3+2, PHQ-2 1+2 = 8.
    expect(p9).toMatchObject({ measureId: 'phq9', total: 12, band: 'Moderate' });
    expect(g7).toMatchObject({ measureId: 'gad7', total: 10, band: 'Moderate' });
    expect(p4).toMatchObject({ measureId: 'phq4', total: 8, band: 'Moderate', subscales: [{ id: 'gad2', score: 5, positive: true }, { id: 'phq2', score: 3, positive: true }] });
  });

  it('when a timepoint has one measure, then the set is that measure unchanged', () => {
    const set = buildQuestionSet([ons4]);
    expect(set.asked).toBe(ons4);
    expect(set.id).toBe('ons4');
  });
});

describe('a programme\'s questionnaire plan', () => {
  const timepoints = ['baseline', '6w', '12w', 'discharge'];

  it('when discharge has its own list, then it is asked there and the default everywhere else', () => {
    const parsed = parseQuestionnairePlan({ measures: ['ons4', 'coping-and-support'], at: { discharge: ['ons4', 'ons-loneliness'] } }, catalogue, timepoints);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(measuresAt(parsed.plan, '6w')).toEqual(['ons4', 'coping-and-support']);
    expect(measuresAt(parsed.plan, 'discharge')).toEqual(['ons4', 'ons-loneliness']);
    expect(questionSetAt(parsed.plan, 'baseline', catalogue)?.asked.items).toHaveLength(9);
    expect(questionSetAt(parsed.plan, 'discharge', catalogue)?.asked.items).toHaveLength(5);
  });

  it('when a plan is wrong in every way, then every problem is listed', () => {
    const parsed = parseQuestionnairePlan({ measures: ['ons4', 'ons4', 'swemwbs', 'nope'], at: { '8w': ['phq9'], discharge: [] } }, catalogue, timepoints);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'measures: "ons4" is listed twice; a timepoint asks each measure once',
      expect.stringMatching(/^measures: .*SWEMWBS.* has no wording: its licence does not let promptly ship the text\. Add your licensed wording as swemwbs\.wording\.json/),
      expect.stringMatching(/^measures: no measure "nope" \(loaded: .*phq9/),
      'measuresAt.8w: this programme has no timepoint "8w" (it has baseline, 6w, 12w, discharge)',
      'measuresAt.discharge: give at least one measure, e.g. ons4',
    ]);
  });
});
