import { numberLooksWrong } from '../../../src/domain/messaging/number-looks-wrong.js';

describe('when a number looks wrong', () => {
  const now = new Date('2027-03-03T09:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it('when three different messages failed within 30 days, then it looks wrong', () => {
    expect(numberLooksWrong([{ messageId: 'a', at: daysAgo(20) }, { messageId: 'b', at: daysAgo(3) }, { messageId: 'c', at: daysAgo(0) }], now)).toBe(true);
  });

  it('when one message was reported failed three times, or the failures are spread over months, then it does not', () => {
    expect(numberLooksWrong([{ messageId: 'a', at: daysAgo(1) }, { messageId: 'a', at: daysAgo(1) }, { messageId: 'a', at: daysAgo(0) }], now)).toBe(false);
    expect(numberLooksWrong([{ messageId: 'a', at: daysAgo(70) }, { messageId: 'b', at: daysAgo(40) }, { messageId: 'c', at: daysAgo(0) }], now)).toBe(false);
  });
});
