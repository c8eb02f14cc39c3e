import { isWithinSendWindow } from '../../../src/domain/schedule/is-within-send-window.js';
import { nextSendableInstant } from '../../../src/domain/schedule/next-sendable-instant.js';
import { parseTimeOfDay } from '../../../src/domain/schedule/time-of-day.js';

const london = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('keeping business-initiated messages out of quiet hours', () => {
  it.each([
    ['2026-01-06T08:59:59Z', false],
    ['2026-01-06T09:00:00Z', true],
    ['2026-01-06T19:59:59Z', true],
    ['2026-01-06T20:00:00Z', false],
    ['2026-07-06T08:30:00Z', true], // 09:30 BST
    ['2026-07-06T19:30:00Z', false], // 20:30 BST
  ])('when it is %s in London, then sending is allowed: %s', (iso, allowed) => {
    expect(isWithinSendWindow(at(iso), london)).toBe(allowed);
  });

  it('when the instant is inside the window, then it is sendable as it is', () => {
    expect(nextSendableInstant(at('2026-01-06T12:34:56.789Z'), london)).toEqual(at('2026-01-06T12:34:56.789Z'));
  });

  it('when it is early morning, then the message waits for 09:00 the same day', () => {
    expect(nextSendableInstant(at('2026-01-06T06:15:00Z'), london)).toEqual(at('2026-01-06T09:00:00Z'));
  });

  it('when it is evening, then the message waits for 09:00 the next day', () => {
    expect(nextSendableInstant(at('2026-01-06T20:00:00Z'), london)).toEqual(at('2026-01-07T09:00:00Z'));
  });

  it('when it is late on the Saturday before the clocks go forward, then the message goes at 09:00 BST on Sunday (08:00Z)', () => {
    expect(nextSendableInstant(at('2026-03-28T22:00:00Z'), london)).toEqual(at('2026-03-29T08:00:00Z'));
  });

  it('when it is in the repeated hour on the night the clocks go back, then the message goes at 09:00 GMT', () => {
    expect(nextSendableInstant(at('2026-10-25T01:10:00Z'), london)).toEqual(at('2026-10-25T09:00:00Z'));
  });

  it('when the organisation uses its own window, then that window is honoured', () => {
    const window = { start: '10:30', end: '17:00' };
    expect(nextSendableInstant(at('2026-01-06T10:00:00Z'), london, window)).toEqual(at('2026-01-06T10:30:00Z'));
    expect(isWithinSendWindow(at('2026-01-06T17:00:00Z'), london, window)).toBe(false);
  });

  it.each([
    [{ start: '20:00', end: '09:00' }],
    [{ start: '09:00', end: '09:00' }],
    [{ start: '9am', end: '20:00' }],
    [{ start: '09:00', end: '24:00' }],
  ])('when the window %j is malformed or wraps midnight, then it throws a RangeError', (window) => {
    expect(() => nextSendableInstant(at('2026-01-06T12:00:00Z'), london, window)).toThrow(RangeError);
  });

  it('when a time of day is written without a leading zero, then it is still read', () => {
    expect(parseTimeOfDay('9:05')).toEqual({ hour: 9, minute: 5 });
  });
});
