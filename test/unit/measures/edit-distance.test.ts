import { editDistance } from '../../../src/domain/measures/edit-distance.js';

describe('measuring how far a typed word is from a label', () => {
  it.each([
    ['often', 'often', 0], ['oftn', 'often', 1], ['oftne', 'often', 1], ['ofen', 'often', 1], ['offten', 'often', 1],
    ['sevral days', 'several days', 1], ['several dyas', 'several days', 1], ['everyday', 'every day', 1], ['', 'abc', 3],
    ['abc', '', 3], ['ca', 'abc', 3], ['\u{1F642}a', 'a', 1],
  ])('when %j is compared with %j, then the distance is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
