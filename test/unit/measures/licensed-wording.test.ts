import { applyLicensedWording } from '../../../src/domain/measures/apply-licensed-wording.js';
import { measureUsability } from '../../../src/domain/measures/measure-usability.js';
import { renderItem } from '../../../src/domain/measures/render-item.js';
import { shippedMeasure, shippedMeasures } from './shipped-measure.js';

// Placeholder wording only: the real licensed text must never be committed.
const eq5dWording = {
  measure: 'eq5d5l',
  language: 'en',
  licensee: 'Example Charity',
  stem: 'Today:',
  options: [1, 2, 3, 4, 5].map((value) => ({ value, label: `level ${value}`, synonyms: [`lvl ${value}`] })),
  items: {
    mobility: { text: 'Placeholder mobility question' },
    'self-care': { text: 'Placeholder self-care question' },
    'usual-activities': { text: 'Placeholder activities question' },
    'pain-discomfort': { text: 'Placeholder pain question' },
    'anxiety-depression': { text: 'Placeholder mood question' },
  },
};

describe('filling a skeleton with licensed wording', () => {
  it.each(['swemwbs', 'wemwbs', 'eq5d5l', 'ascot-sct4'])('when %s ships, then it has no text and cannot be used, and the reason says why', (id) => {
    const skeleton = shippedMeasure(id);
    expect(skeleton.licence.textMayBeShipped).toBe(false);
    expect(skeleton.items.every((item) => item.text === undefined && item.options.every((o) => o.label === undefined))).toBe(true);
    const usability = measureUsability(skeleton);
    expect(usability).toEqual({ usable: false, reason: expect.stringContaining(`its licence does not let promptly ship the text. Add your licensed wording as ${id}.wording.json`) });
  });

  it('when wording is applied, then text and labels are added and values and scoring are unchanged', () => {
    const skeleton = shippedMeasure('eq5d5l');
    const filled = applyLicensedWording(skeleton, eq5dWording, 'eq5d5l.wording.json');
    expect(measureUsability(filled)).toEqual({ usable: true, language: 'en' });
    expect(filled.scoring).toEqual(skeleton.scoring);
    expect(filled.items.map((item) => item.options.map((o) => o.value))).toEqual(skeleton.items.map((item) => item.options.map((o) => o.value)));
    expect(renderItem(filled, 'mobility').text).toBe('Q1/5 Today: Placeholder mobility question. Reply 1 level 1, 2 level 2, 3 level 3, 4 level 4, 5 level 5');
  });

  it('when wording leaves an item without text, then the measure stays unusable and names the item', () => {
    const { 'anxiety-depression': _left, ...four } = eq5dWording.items;
    const filled = applyLicensedWording(shippedMeasure('eq5d5l'), { ...eq5dWording, items: four }, 'eq5d5l.wording.json');
    expect(measureUsability(filled)).toEqual({ usable: false, reason: 'EQ-5D-5L descriptive system item "anxiety-depression" has no text in "en".' });
  });

  it('when wording labels a value the skeleton does not have, then it is refused naming the field', () => {
    const wording = { ...eq5dWording, options: [...eq5dWording.options, { value: 6, label: 'level 6' }] };
    expect(() => applyLicensedWording(shippedMeasure('eq5d5l'), wording, 'eq5d5l.wording.json')).toThrow(
      'eq5d5l.wording.json: options[5].value: 6 is not an option of item "mobility" (1, 2, 3, 4, 5)',
    );
  });

  it('when wording names an item the skeleton does not have, then it is refused naming the field', () => {
    const wording = { ...eq5dWording, items: { ...eq5dWording.items, vision: { text: 'x' } } };
    expect(() => applyLicensedWording(shippedMeasure('eq5d5l'), wording, 'eq5d5l.wording.json')).toThrow('eq5d5l.wording.json: items.vision: no item "vision" in eq5d5l');
  });

  it('when wording adds a second language to a shipped measure, then the measure is usable in both', () => {
    const welsh = {
      measure: 'ons-loneliness',
      language: 'cy',
      licensee: 'Example Charity',
      items: { lonely: { text: 'Placeholder Welsh question', options: [1, 2, 3, 4, 5].map((value) => ({ value, label: `cy ${value}` })) } },
    };
    const both = applyLicensedWording(shippedMeasure('ons-loneliness'), welsh, 'ons-loneliness.cy.wording.json');
    expect([measureUsability(both, 'en').usable, measureUsability(both, 'cy').usable, measureUsability(both, 'fr').usable]).toEqual([true, true, false]);
  });

  it('when the shipped measures with text are read, then each carries an attribution for its licence', () => {
    const withText = shippedMeasures().filter((measure) => measure.licence.textMayBeShipped);
    expect(withText.map((measure) => measure.id).sort()).toEqual(['coping-and-support', 'core10', 'gad7', 'ons-loneliness', 'ons4', 'phq4', 'phq9']);
    for (const measure of withText) expect(measure.licence.attribution.length).toBeGreaterThan(20);
  });

  it('when the bespoke example is read, then it is marked as not psychometrically validated', () => {
    expect(shippedMeasure('coping-and-support').validated).toBe(false);
  });
});
