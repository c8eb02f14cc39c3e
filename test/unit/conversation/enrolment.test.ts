import { formatReference, parseReference, reinstateAfterOptOut, transitionEnrolment } from '../../../src/domain/cases/enrolment.js';
import type { EnrolmentAction, EnrolmentStatus } from '../../../src/domain/cases/enrolment.js';

describe('service-user references', () => {
  it.each([[1, 'SU-0001'], [42, 'SU-0042'], [9999, 'SU-9999'], [12345, 'SU-12345']])('when the number is %d, then the reference is %s', (n, reference) => {
    expect(formatReference(n)).toBe(reference);
  });

  it.each([0, -1, 1.5, Number.NaN])('when the number is %d, then formatting it is a programming error', (n) => {
    expect(() => formatReference(n)).toThrow(RangeError);
  });

  it.each([
    ['SU-0042', 42], ['su42', 42], ['SU 42', 42], ['0042', 42], ['42', 42], [' su-0042 ', 42], ['SU_42', 42], ['#42', 42],
    ['SU-12345', 12345], ['\uFF13', 3],
  ])('when the text is %j, then the reference number is %d', (text, n) => {
    expect(parseReference(text)).toBe(n);
  });

  it.each(['', 'SU', 'SU-', 'SU-0000', '0', 'Sam', 'SU-42a', 'XY-42', '42 43', '-42', '1234567890'])('when the text is %j, then it is not a reference', (text) => {
    expect(parseReference(text)).toBeNull();
  });

  it('when a reference is formatted and read back, then the number is the same', () => {
    for (const n of [1, 7, 42, 999, 1000, 9999, 10000, 123456]) expect(parseReference(formatReference(n))).toBe(n);
  });
});

const allowed: [EnrolmentStatus, EnrolmentAction, EnrolmentStatus][] = [
  ['pending-consent', 'consent-yes', 'active'],
  ['pending-consent', 'consent-no', 'declined'],
  ['pending-consent', 'consent-lapse', 'consent-lapsed'],
  ['pending-consent', 'withdraw', 'withdrawn'],
  ['pending-consent', 'opt-out', 'declined'],
  ['consent-lapsed', 'consent-yes', 'active'],
  ['consent-lapsed', 'consent-no', 'declined'],
  ['consent-lapsed', 'withdraw', 'withdrawn'],
  ['active', 'pause', 'paused'],
  ['active', 'withdraw', 'withdrawn'],
  ['active', 'done', 'discharged'],
  ['active', 'complete', 'completed'],
  ['active', 'opt-out', 'withdrawn'],
  ['paused', 'resume', 'active'],
  ['paused', 'withdraw', 'withdrawn'],
  ['paused', 'done', 'discharged'],
  ['paused', 'complete', 'completed'],
  ['paused', 'opt-out', 'withdrawn'],
];

const refused: [EnrolmentStatus, EnrolmentAction, string][] = [
  ['paused', 'pause', 'SU-0042 is already paused.'],
  ['active', 'resume', "SU-0042 isn't paused, so there is nothing to resume."],
  ['active', 'consent-yes', 'SU-0042 has already agreed to take part.'],
  ['pending-consent', 'pause', "SU-0042 hasn't agreed to take part yet (we are waiting for their YES), so there is nothing to pause."],
  [
    'pending-consent',
    'done',
    "SU-0042 hasn't agreed to take part yet (we are waiting for their YES), so there is nothing to discharge. To cancel the enrolment, text WITHDRAW SU-0042.",
  ],
  ['declined', 'resume', 'SU-0042 declined to take part. To ask again, enrol them again.'],
  ['declined', 'consent-yes', 'SU-0042 declined to take part. To ask again, enrol them again.'],
  ['consent-lapsed', 'pause', "SU-0042 didn't reply to the request to take part. To ask again, enrol them again."],
  ['completed', 'pause', 'SU-0042 has already completed all their check-ins.'],
  ['withdrawn', 'resume', 'SU-0042 has been withdrawn. To start again, enrol them again.'],
  ['withdrawn', 'withdraw', 'SU-0042 has been withdrawn. To start again, enrol them again.'],
  ['discharged', 'done', 'SU-0042 has already been discharged. To start again, enrol them again.'],
];

describe('the enrolment life cycle', () => {
  it.each(allowed)('when an enrolment that is %s gets %s, then it becomes %s', (status, action, next) => {
    expect(transitionEnrolment(status, action, 'SU-0042')).toEqual({ ok: true, status: next });
  });

  it.each(refused)('when an enrolment that is %s gets %s, then it is refused with %j', (status, action, reason) => {
    expect(transitionEnrolment(status, action, 'SU-0042')).toEqual({ ok: false, reason });
  });

  it('when no reference is given, then the reason still reads as a sentence', () => {
    expect(transitionEnrolment('paused', 'pause')).toEqual({ ok: false, reason: 'This person is already paused.' });
  });

  it('when an enrolment is withdrawn, discharged, completed or declined, then no action moves it again', () => {
    const finals: EnrolmentStatus[] = ['withdrawn', 'discharged', 'completed', 'declined'];
    const actions: EnrolmentAction[] = ['consent-yes', 'consent-no', 'consent-lapse', 'pause', 'resume', 'withdraw', 'done', 'complete', 'opt-out'];
    for (const status of finals) for (const action of actions) expect(transitionEnrolment(status, action).ok).toBe(false);
  });

  it('when any refusal is written, then it is one or two plain sentences naming the person', () => {
    const statuses: EnrolmentStatus[] = ['pending-consent', 'active', 'declined', 'consent-lapsed', 'paused', 'completed', 'withdrawn', 'discharged'];
    const actions: EnrolmentAction[] = ['consent-yes', 'consent-no', 'consent-lapse', 'pause', 'resume', 'withdraw', 'done', 'complete', 'opt-out'];
    for (const status of statuses) {
      for (const action of actions) {
        const result = transitionEnrolment(status, action, 'SU-0007');
        if (!result.ok) expect(result.reason).toMatch(/^SU-0007 [^\n]+\.$/);
      }
    }
  });
});

describe('START after STOP', () => {
  it.each([
    ['withdrawn', 'active'], ['withdrawn', 'paused'], ['declined', 'pending-consent'], ['declined', 'consent-lapsed'],
  ] as const)('when the person\'s own STOP left the enrolment %s from %s, then START brings it back there', (status, from) => {
    expect(reinstateAfterOptOut(status, from)).toEqual({ ok: true, status: from });
  });

  it.each([
    ['withdrawn', undefined], ['discharged', undefined], ['active', 'active'], ['declined', 'active'], ['withdrawn', 'pending-consent'],
  ] as const)('when the enrolment is %s and its STOP record says %s, then START does not restart it', (status, from) => {
    expect(reinstateAfterOptOut(status, from, 'SU-0007')).toMatchObject({ ok: false, reason: expect.stringMatching(/^SU-0007 /) });
  });
});
