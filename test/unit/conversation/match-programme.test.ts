import { programmeSlug } from '../../../src/app/admin/programme-slug.js';
import { matchProgramme, type NamedProgramme } from '../../../src/domain/cases/match-programme.js';
import { withProgrammeList } from '../../../src/domain/cases/with-programme-list.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';

const programme = (name: string): NamedProgramme => ({ name, slug: programmeSlug(name) });
const wellbeing = programme('Wellbeing check');
const anxiety = programme('Anxiety Group');
const anxietyAdults = programme('Anxiety (Adults)');
const mens = programme("Men's group");
const talking = programme('Talking Therapies');
const catalogue = [wellbeing, anxiety, mens, talking];

describe('choosing a programme from the words after ENROL\'s number', () => {
  it.each([
    ['wellbeing Priya', wellbeing, 'Priya'],
    ['wellbeing-check Priya', wellbeing, 'Priya'],
    ['Wellbeing check Priya', wellbeing, 'Priya'],
    ['wellbeingcheck Priya', wellbeing, 'Priya'],
    ['WELLBEING', wellbeing, undefined],
    ['welbeing Priya', wellbeing, 'Priya'],
    ['wellbeing-chek Priya', wellbeing, 'Priya'],
    ['anxiety-grup Sam', anxiety, 'Sam'],
    ['talking therapies Sam from Tuesday group', talking, 'Sam from Tuesday group'],
    ['talkng Sam', talking, 'Sam'],
    ["men's Ravi", mens, 'Ravi'],
    ['wellbeing, Priya', wellbeing, 'Priya'],
    ['anxiety-group, Sam', anxiety, 'Sam'],
  ])('when a worker types %j, then it is that programme with the label %j', (words, expected, label) => {
    expect(matchProgramme(words, catalogue, 'leading')).toEqual({ kind: 'matched', programme: expected, ...(label === undefined ? {} : { label }) });
  });

  it.each([
    ['Priya', 'Priya'],
    ['Priya Shah', 'Priya Shah'],
    ['Ben', 'Ben'],
    ['Well done Priya', 'Well done Priya'],
    ['Tal', 'Tal'],
    ['Sam, wellbeing', 'Sam, wellbeing'],
  ])('when a worker types %j, which names no programme and is close to none, then it is all label', (words, label) => {
    expect(matchProgramme(words, catalogue, 'leading')).toEqual({ kind: 'none', label });
  });

  it('when the words start with a word two programmes share, then it is unclear and both are offered', () => {
    expect(matchProgramme('anxiety Sam', [...catalogue, anxietyAdults], 'leading')).toEqual({ kind: 'unclear', candidates: [anxiety, anxietyAdults] });
  });

  it('when a shared first word is followed by words that name one of them, even with a slip, then it is that one', () => {
    expect(matchProgramme('anxiety grup Sam', [...catalogue, anxietyAdults], 'leading')).toEqual({ kind: 'matched', programme: anxiety, label: 'Sam' });
    expect(matchProgramme('anxiety adults', [...catalogue, anxietyAdults], 'leading')).toEqual({ kind: 'matched', programme: anxietyAdults });
  });

  it('when two letters are swapped, then it is still the programme; one slip further, it is unclear rather than a label', () => {
    expect(matchProgramme('anxeity Sam', catalogue, 'leading')).toEqual({ kind: 'matched', programme: anxiety, label: 'Sam' });
    expect(matchProgramme('anxty Sam', catalogue, 'leading')).toEqual({ kind: 'unclear', candidates: [anxiety] });
    expect(matchProgramme('welbein Priya', catalogue, 'leading')).toEqual({ kind: 'unclear', candidates: [wellbeing] });
  });

  it('when a programme is named outright, then only a programme will do', () => {
    expect(matchProgramme('Wellbeing check', catalogue, 'whole')).toEqual({ kind: 'matched', programme: wellbeing });
    expect(matchProgramme('wellbeing', catalogue, 'whole')).toEqual({ kind: 'matched', programme: wellbeing });
    expect(matchProgramme('nonexistent', catalogue, 'whole')).toEqual({ kind: 'unknown' });
    expect(matchProgramme('wellbeing Priya', catalogue, 'whole')).toEqual({ kind: 'unknown' });
    expect(matchProgramme('anxiety', [...catalogue, anxietyAdults], 'whole')).toEqual({ kind: 'unclear', candidates: [anxiety, anxietyAdults] });
    expect(matchProgramme('anything', [], 'whole')).toEqual({ kind: 'unknown' });
  });

  it.each(['Talking Therapies (Adults)', 'Zoë’s Place', 'CBT – 12 weeks', '  Hope  '])(
    'when %j is typed out in full, then it matches the slug the programme was given',
    (name) => {
      expect(matchProgramme(name, [programme(name)], 'whole')).toMatchObject({ kind: 'matched' });
    },
  );
});

describe('the list of programmes at the end of a staff text', () => {
  it('when there are programmes, then their short names are the last line', () => {
    expect(withProgrammeList('Hello.', ['wellbeing-check', 'anxiety-group'])).toBe('Hello.\nProgrammes: wellbeing-check, anxiety-group');
  });

  it('when there are too many to fit two segments, then the list is cut with "and N more"', () => {
    const slugs = Array.from({ length: 40 }, (_, i) => `programme-number-${i + 1}`);
    const text = withProgrammeList('x'.repeat(200), slugs);
    expect(countSmsSegments(text).segments).toBe(2);
    expect(text).toMatch(/\nProgrammes: programme-number-1, .* and \d+ more$/);
  });

  it('when there is nothing to list or no room for a single name, then the text is unchanged', () => {
    expect(withProgrammeList('Hello.', [])).toBe('Hello.');
    expect(withProgrammeList('x'.repeat(300), ['wellbeing-check'])).toBe('x'.repeat(300));
  });
});
