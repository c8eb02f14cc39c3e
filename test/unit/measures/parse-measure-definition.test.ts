import { parseMeasureDefinition } from '../../../src/domain/measures/parse-measure-definition.js';
import type { DefinitionJson } from './definition-fixture.js';
import { definitionFixture } from './definition-fixture.js';

function problemsOf(json: unknown, file: string): string[] {
  try {
    parseMeasureDefinition(json, file);
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
  return [];
}

describe('validating a measure definition', () => {
  it('when a shipped definition is read, then it is valid and each item carries its options', () => {
    const measure = parseMeasureDefinition(definitionFixture('phq9'), 'phq9.json');
    expect(measure.items).toHaveLength(9);
    expect(measure.items[8]?.options.map((option) => option.value)).toEqual([0, 1, 2, 3]);
  });

  it('when an option value is a string, then the error names the file and the exact field', () => {
    const json = definitionFixture('coping-and-support');
    json.items[3].options[1].value = '2';
    expect(() => parseMeasureDefinition(json, 'coping-and-support.json')).toThrow(
      'coping-and-support.json: items[3].options[1].value: expected number, received string',
    );
  });

  it.each([
    ['a field is misspelt', (j: DefinitionJson) => { j.items[0].revrseKeyed = true; }, 'phq9.json: items[0].revrseKeyed: unknown field (check the spelling)'],
    ['the title is missing', (j: DefinitionJson) => { delete j.title; }, 'phq9.json: title: expected string, received undefined'],
    ['the scoring method is unknown', (j: DefinitionJson) => { j.scoring.method = 'average'; }, 'phq9.json: scoring.method: '],
    ['an item id is repeated', (j: DefinitionJson) => { j.items[1].id = 'q1'; }, 'phq9.json: items[1].id: duplicate item id "q1"'],
    ['an option value is repeated', (j: DefinitionJson) => { j.options[2].value = 1; }, 'phq9.json: options[2].value: duplicate option value 1'],
    ['a subscale names no item', (j: DefinitionJson) => { j.scoring.subscales = [{ id: 's', label: 'S', items: ['q1', 'q99'] }]; }, 'phq9.json: scoring.subscales[0].items[1]: no item with id "q99"'],
    ['bands overlap', (j: DefinitionJson) => { j.scoring.bands[2].min = 9; }, 'phq9.json: scoring.bands[2].min: 9 overlaps the band before it'],
    ['text uses an undeclared language', (j: DefinitionJson) => { j.items[0].text.cy = 'testun'; }, 'phq9.json: items[0].text.cy: language "cy" is not listed in languages'],
    ['missing answers are allowed on a plain sum', (j: DefinitionJson) => { j.scoring.missing = { maxMissing: 1 }; }, 'phq9.json: scoring.missing.maxMissing: missing answers can only be allowed when method is "prorated-sum"'],
    ['a risk threshold can never be reached', (j: DefinitionJson) => { j.items[8].risk.atOrAbove = 4; }, 'phq9.json: items[8].risk.atOrAbove: 4 is above the highest option'],
    ['items have no options at all', (j: DefinitionJson) => { delete j.options; }, 'phq9.json: items[0].options: required: the item has no options and the measure has no shared options'],
    ['a method "none" measure has bands', (j: DefinitionJson) => { j.scoring.method = 'none'; }, 'phq9.json: scoring.bands: a measure with method "none" has no total'],
  ])('when %s, then loading fails naming the field', (_case, breakIt, message) => {
    const json = definitionFixture('phq9');
    breakIt(json);
    expect(problemsOf(json, 'phq9.json')).toContainEqual(expect.stringContaining(message));
  });

  it('when a conversion table misses a raw score, then the error says which', () => {
    const json = definitionFixture('swemwbs');
    json.scoring.conversion.table.splice(5, 1);
    expect(problemsOf(json, 'swemwbs.json')).toEqual(['swemwbs.json: scoring.conversion.table: no entry for raw score 12 (the table must cover 7 to 35)']);
  });

  it('when a definition has several problems, then all of them are listed', () => {
    const json = definitionFixture('phq9');
    json.items[1].id = 'q1';
    json.options[2].value = 1;
    expect(problemsOf(json, 'phq9.json')).toHaveLength(2);
  });

  it('when the file is not an object at all, then the error still names the file', () => {
    expect(problemsOf([], 'odd.json')).toEqual(['odd.json: expected object, received array']);
  });
});
