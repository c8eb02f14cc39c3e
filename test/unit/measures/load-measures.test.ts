import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMeasures } from '../../../src/domain/measures/load-measures.js';
import { measureUsability } from '../../../src/domain/measures/measure-usability.js';
import { definitionFixture } from './definition-fixture.js';

const shippedIds = ['ascot-sct4', 'coping-and-support', 'core10', 'eq5d5l', 'gad7', 'ons-loneliness', 'ons4', 'phq4', 'phq9', 'swemwbs', 'wemwbs'];

function organisationDirectory(files: Record<string, unknown>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'promptly-measures-'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(directory, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return directory;
}

function loadError(directories: string[]): string {
  try {
    loadMeasures(directories);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('loading measures', () => {
  it('when no organisation directory is given, then the shipped measures load', () => {
    expect([...loadMeasures().keys()].sort()).toEqual(shippedIds);
  });

  it('when an organisation adds a bespoke measure file, then it loads alongside the shipped ones without code changes', () => {
    const bespoke = { ...definitionFixture('coping-and-support'), id: 'our-checkin', title: 'Our check-in' };
    const catalogue = loadMeasures([organisationDirectory({ 'our-checkin.json': bespoke, 'README.md': 'notes' })]);
    expect(catalogue.get('our-checkin')?.title).toBe('Our check-in');
    expect(catalogue.size).toBe(shippedIds.length + 1);
  });

  it('when an organisation file is invalid, then loading fails naming the file and field', () => {
    const bad = definitionFixture('coping-and-support');
    bad.id = 'bad';
    bad.items[3].options[1].value = 'two';
    expect(loadError([organisationDirectory({ 'bad.json': bad })])).toBe('bad.json: items[3].options[1].value: expected number, received string');
  });

  it('when a file is not valid JSON, then loading fails naming the file', () => {
    expect(loadError([organisationDirectory({ 'broken.json': '{ "id": ' })])).toMatch(/^broken\.json: not valid JSON/);
  });

  it('when a file name does not match the id inside, then loading fails', () => {
    expect(loadError([organisationDirectory({ 'phq-9.json': definitionFixture('phq9') })])).toBe('phq-9.json: id: "phq9" does not match the file name');
  });

  it('when an organisation file reuses a shipped id, then loading fails rather than silently replacing it', () => {
    expect(loadError([organisationDirectory({ 'phq9.json': definitionFixture('phq9') })])).toMatch(/^phq9\.json: id: "phq9" is already defined in .*phq9\.json; choose a new id$/);
  });

  it('when the organisation directory does not exist, then loading fails naming it', () => {
    expect(loadError(['/nonexistent/measures'])).toMatch(/^\/nonexistent\/measures: cannot read the measures directory/);
  });

  it('when a licensed wording file is supplied, then the skeleton becomes usable', () => {
    const wording = {
      measure: 'swemwbs',
      language: 'en',
      licensee: 'Example Charity (registered with Warwick Medical School)',
      options: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Level ${value}` })),
      items: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [`q${n}`, { text: `Placeholder statement ${n}` }])),
    };
    const swemwbs = loadMeasures([organisationDirectory({ 'swemwbs.wording.json': wording })]).get('swemwbs');
    expect(swemwbs && measureUsability(swemwbs)).toEqual({ usable: true, language: 'en' });
    expect(swemwbs?.licence.licensee).toBe('Example Charity (registered with Warwick Medical School)');
  });

  it('when a wording file names a measure that is not loaded, then loading fails naming the file', () => {
    const wording = { measure: 'nope', language: 'en', licensee: 'X', items: {} };
    expect(loadError([organisationDirectory({ 'nope.wording.json': wording })])).toBe('nope.wording.json: measure: no measure "nope" is loaded');
  });

  it('when several files are bad, then every problem is reported at once', () => {
    const directory = organisationDirectory({ 'a.json': '{', 'b.json': { id: 'b' } });
    expect(loadError([directory]).split('\n').length).toBeGreaterThan(2);
  });
});
