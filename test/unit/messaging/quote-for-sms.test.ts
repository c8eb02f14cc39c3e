import { quoteForSms } from '../../../src/domain/messaging/quote-for-sms.js';

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('quoteForSms', () => {
  it('when a long text of emoji is cut, then no half emoji is left', () => {
    const quoted = quoteForSms('🙂'.repeat(800), 60);
    expect(loneSurrogate.test(quoted)).toBe(false);
    expect([...quoted]).toHaveLength(60);
    expect(quoted.endsWith('...')).toBe(true);
  });

  it('when the text holds control and format characters, then they are dropped and whitespace becomes one space', () => {
    expect(quoteForSms('a\u0007b\u001b[31m \u202eSTOP\ufeff\r\n\tnow \ud83d', 60)).toBe('ab[31m STOP now');
  });

  it('when the text fits, then it is quoted as it is', () => {
    expect(quoteForSms('ENROL 07700 900123', 60)).toBe('ENROL 07700 900123');
  });
});
