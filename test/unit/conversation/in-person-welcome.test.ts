import { inPersonWelcome } from '../../../src/domain/cases/in-person-welcome.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';

describe('the first text after consent taken in person', () => {
  it('when the names are short, then it greets, names the organisation and the worker, and says how many questions', () => {
    expect(inPersonWelcome({ orgName: 'Riverside Trust', workerName: 'Alex Morgan', itemCount: 9 })).toBe(
      'Hello from Riverside Trust. As agreed with Alex Morgan, here are 9 short questions about how you are doing, one text at a time. Reply BACK to change an answer, LATER to stop for now, or STOP to stop messages.',
    );
  });

  it('when there is one question, then it says so in the singular', () => {
    expect(inPersonWelcome({ orgName: 'Riverside Trust', workerName: 'Alex', itemCount: 1 })).toMatch(/here is 1 short question about/);
  });

  it.each([
    ['The Very Long Named Community Interest Company for Wellbeing and Support Services of Greater Manchester', 'Alexandra Wilhelmina Montgomery-Fitzwilliam'],
    ['Café Zoë “Support”', 'Zoë'],
  ])('when the names are %j and %j, then it stays within two SMS segments', (orgName, workerName) => {
    const text = inPersonWelcome({ orgName, workerName, itemCount: 10 });
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7' });
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toMatch(/^Hello from .+ here are 10 short questions/);
  });
});
