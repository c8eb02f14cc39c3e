import { measureUsability } from '../../../src/domain/measures/measure-usability.js';
import { renderItem } from '../../../src/domain/measures/render-item.js';
import { shippedMeasure, shippedMeasures } from './shipped-measure.js';

const usableItems = shippedMeasures()
  .filter((measure) => measureUsability(measure).usable)
  .flatMap((measure) => measure.items.map((item) => [measure.id, item.id] as const));

describe('rendering an item as a text message', () => {
  it('when PHQ-9 item 2 is rendered, then it is one plain message with numbered answers', () => {
    expect(renderItem(shippedMeasure('phq9'), 'q2').text).toBe(
      'Q2/9 Over the last 2 weeks, how often: feeling down, depressed, or hopeless? Reply 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day',
    );
  });

  it('when an ONS4 item is rendered, then the 0-10 scale is given by its labelled ends', () => {
    expect(renderItem(shippedMeasure('ons4'), 'happiness').text).toBe(
      'Q3/4 Overall, how happy did you feel yesterday? Reply 0 (Not at all) to 10 (Completely)',
    );
  });

  it('when a CORE-10 item is rendered, then the verbatim statement follows the recall period', () => {
    expect(renderItem(shippedMeasure('core10'), 'q6').text).toBe(
      'Q6/10 Over the last week: I made plans to end my life. Reply 0 Not at all, 1 Only occasionally, 2 Sometimes, 3 Often, 4 Most or all of the time',
    );
  });

  it('when an item is optional, then the message says it can be skipped', () => {
    expect(renderItem(shippedMeasure('coping-and-support'), 'feeling').text).toBe(
      'Q1/5 How are you feeling today? Reply 1 Awful, 2 Not great, 3 OK, 4 Good, 5 Great, or SKIP',
    );
  });

  it('when a measure has one item, then there is no question number', () => {
    expect(renderItem(shippedMeasure('ons-loneliness'), 'lonely').text).toBe(
      'How often do you feel lonely? Reply 1 Often/always, 2 Some of the time, 3 Occasionally, 4 Hardly ever, 5 Never',
    );
  });

  it('when the caller gives a position, then it is used for the question number', () => {
    expect(renderItem(shippedMeasure('phq9'), 'q9', { position: { number: 3, of: 4 } }).text).toMatch(/^Q3\/4 /);
  });

  it.each(usableItems)('when %s item %s is rendered, then it is GSM-7 and fits in at most 2 segments', (measureId, itemId) => {
    const rendered = renderItem(shippedMeasure(measureId), itemId);
    expect(rendered.encoding).toBe('GSM-7');
    expect(rendered.segments).toBeLessThanOrEqual(2);
  });

  it('when a skeleton without wording is rendered, then it refuses with the reason', () => {
    expect(() => renderItem(shippedMeasure('swemwbs'), 'q1')).toThrow(/has no wording: its licence does not let promptly ship the text/);
  });

  it('when an item id is unknown, then rendering refuses naming it', () => {
    expect(() => renderItem(shippedMeasure('phq9'), 'q10')).toThrow('phq9 has no item "q10"');
  });

  it('when a language the measure does not have is asked for, then rendering refuses', () => {
    expect(() => renderItem(shippedMeasure('phq9'), 'q1', { language: 'cy' })).toThrow('has no wording in "cy" (it has: en)');
  });
});
