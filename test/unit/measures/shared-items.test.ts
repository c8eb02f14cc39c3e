import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkMeasureFile, loadMeasures } from '../../../src/domain/measures/load-measures.js';
import { itemProvenance } from '../../../src/domain/measures/item-provenance.js';
import { measureUsability } from '../../../src/domain/measures/measure-usability.js';
import { renderItem } from '../../../src/domain/measures/render-item.js';
import { definitionFixture, type DefinitionJson } from './definition-fixture.js';
import { shippedMeasure } from './shipped-measure.js';

const catalogue = loadMeasures();

/** A bespoke measure made of two PHQ-9 items and one of its own, as an organisation would write it. */
function bespoke(): DefinitionJson {
  const own = definitionFixture('coping-and-support').items[1];
  return {
    id: 'our-mood', version: '1', title: 'Our mood check', validated: false, languages: ['en'],
    licence: { name: 'Our own questions', textMayBeShipped: true, attribution: 'Riverside Community Trust' },
    recallPeriod: { en: 'the last 2 weeks' },
    items: [{ id: 'interest', sameAs: { measure: 'phq9', item: 'q1' } }, { id: 'down', sameAs: { measure: 'phq9', item: 'q2' } }, own],
    scoring: { method: 'none', higherIsBetter: true },
  };
}

describe('items shared between measures', () => {
  it('when PHQ-4 is loaded, then its items are declared the same as GAD-7 items 1-2 and PHQ-9 items 1-2, and carry their provenance', () => {
    const phq4 = shippedMeasure('phq4');
    expect(phq4.items.map((item) => item.sameAs)).toEqual([
      { measure: 'gad7', item: 'q1' }, { measure: 'gad7', item: 'q2' }, { measure: 'phq9', item: 'q1' }, { measure: 'phq9', item: 'q2' },
    ]);
    expect(itemProvenance(catalogue, phq4, phq4.items[2] as never)).toEqual({ measure: 'phq9', item: 'q1', licence: shippedMeasure('phq9').licence.name, validated: true });
    expect(itemProvenance(catalogue, shippedMeasure('ons4'), shippedMeasure('ons4').items[0] as never)).toMatchObject({ measure: 'ons4', item: 'life-satisfaction', validated: true });
  });

  it('when a bespoke measure reuses bank items without their text, then it takes their wording and options and reads exactly as the original', () => {
    expect(checkMeasureFile(bespoke(), 'our-mood.json', catalogue)).toMatchObject({ problems: [], measure: { id: 'our-mood', validated: false } });
  });

  it('when a bespoke measure in MEASURES_DIR reuses bank items, then it loads, is usable and is texted with the original wording', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'promptly-bank-'));
    fs.writeFileSync(path.join(directory, 'our-mood.json'), JSON.stringify(bespoke()));
    const measure = loadMeasures([directory]).get('our-mood');
    expect(measure && measureUsability(measure)).toEqual({ usable: true, language: 'en' });
    const ours = measure ? renderItem(measure, 'interest', { position: { number: 1, of: 2 } }).text : '';
    expect(ours).toBe(renderItem(shippedMeasure('phq9'), 'q1', { position: { number: 1, of: 2 } }).text);
  });

  it('when a shared item is changed in every way at once, then every problem is listed, naming file and field', () => {
    const json = bespoke();
    json.validated = true;
    json.recallPeriod = { en: 'the last week' };
    json.items[0].text = { en: 'Over the last 2 weeks, how often: little interest in doing things?' };
    json.items[1].options = [{ value: 0, label: { en: 'No' } }, { value: 1, label: { en: 'Yes' } }];
    json.items.push({ id: 'sleep', sameAs: { measure: 'phq9', item: 'q10' } }, { id: 'gone', sameAs: { measure: 'phq11', item: 'q1' } });
    expect(checkMeasureFile(json, 'our-mood.json', catalogue).problems).toEqual([
      'our-mood.json: items[0].text.en: wording changed on a validated item (phq9 item "q1"): "Over the last 2 weeks, how often: little interest in doing things?" is not "Over the last 2 weeks, how often: little interest or pleasure in doing things?"; a shared item must be worded exactly as the original',
      'our-mood.json: recallPeriod.en: recall period "the last week" is not phq9\'s recall period "the last 2 weeks", so item "interest" cannot be shared with phq9 item "q1"',
      'our-mood.json: recallPeriod.en: recall period "the last week" is not phq9\'s recall period "the last 2 weeks", so item "down" cannot be shared with phq9 item "q2"',
      'our-mood.json: items[1].options: options do not match phq9 item "q2": "0 No, 1 Yes" is not "0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day"',
      'our-mood.json: items[3].sameAs.item: unknown item: phq9 has no item "q10" (items: q1, q2, q3, q4, q5, q6, q7, q8, q9)',
      'our-mood.json: items[4].sameAs.measure: no measure "phq11" is loaded',
      'our-mood.json: validated: must be false: a measure composed from bank items is not validated as a whole (its score describes, it does not diagnose)',
    ]);
  });

  it('when a shared item differs from an unvalidated item, then the wording is refused as differing', () => {
    const json = bespoke();
    json.recallPeriod = undefined;
    json.items = [{ id: 'talk', sameAs: { measure: 'coping-and-support', item: 'someone-to-talk-to' }, text: { en: 'I have someone to talk to.' } }];
    expect(checkMeasureFile(json, 'our-mood.json', catalogue).problems).toEqual([
      'our-mood.json: items[0].text.en: wording differs from coping-and-support item "someone-to-talk-to": "I have someone to talk to." is not "I have someone I can talk to when things get hard."; a shared item must be worded exactly as the original',
    ]);
  });

  it('when a measure in MEASURES_DIR declares a shared item worded differently, then loading the measures fails naming it', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'promptly-bank-'));
    const json = { ...definitionFixture('ons4'), id: 'ons4-copy', validated: false };
    json.items[0].sameAs = { measure: 'ons4', item: 'worthwhile' };
    fs.writeFileSync(path.join(directory, 'ons4-copy.json'), JSON.stringify(json));
    expect(() => loadMeasures([directory])).toThrow(/ons4-copy\.json: items\[0\]\.text\.en: wording changed on a validated item \(ons4 item "worthwhile"\)/);
  });
});
