import { redirectedToManagers } from '../../../src/domain/cases/redirected-to-managers.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';

describe('a worker\'s text as the managers get it', () => {
  const alert = 'URGENT from promptly: SU-0042 gave an answer on a risk question (CORE10) and has been sent crisis contacts. Please contact them today, then reply ACK SU-0042.';

  it('when the worker opted out, then the text comes first and the reason after it', () => {
    expect(redirectedToManagers(alert, { why: 'opted-out', workerName: 'Alex Morgan' }, 'alert')).toBe(`${alert}\nAlex Morgan has opted out of texts, so this alert comes to you.`);
  });

  it('when the worker is no longer on the staff list, then the reason names the person by reference only', () => {
    expect(redirectedToManagers('SU-0042 has opted out of messages (STOP).', { why: 'not-on-staff', reference: 'SU-0042' }, 'message'))
      .toBe("SU-0042 has opted out of messages (STOP).\nSU-0042's worker is no longer on the staff list, so this message comes to you.");
  });

  it('when the worker\'s name is very long, then it is cut so the alert stays within two SMS', () => {
    const text = redirectedToManagers(alert, { why: 'opted-out', workerName: 'Alexandra Wilhelmina Montgomery-Fitzwilliam Jones' }, 'alert');
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toMatch(/\nAlexandra .*\. has opted out of texts, so this alert comes to you\.$/);
  });
});
