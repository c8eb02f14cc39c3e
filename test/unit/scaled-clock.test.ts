import { ScaledClock } from '../../src/adapters/clock/scaled-clock.js';

describe('the scaled clock', () => {
  it('when TIME_SCALE is 5040, then a week of the clock passes in two minutes of real time', () => {
    const real = new Date(Date.now());
    const clock = new ScaledClock(5040, { virtual: new Date('2026-12-01T09:00:00Z'), real });
    const aWeekLater = new Date('2026-12-08T09:00:00Z');
    expect(clock.toReal(aWeekLater).getTime() - real.getTime()).toBe(120_000);
  });

  it('when the clock skips ahead, then it reads later and jobs wake earlier in real time', () => {
    const clock = new ScaledClock(1);
    const target = new Date(clock.now().getTime() + 86_400_000);
    const before = clock.toReal(target).getTime();
    clock.skip(3_600_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.now() + 3_600_000 - 5);
    expect(before - clock.toReal(target).getTime()).toBeGreaterThanOrEqual(3_600_000 - 5);
    expect(() => clock.skip(-1)).toThrow('only moves forward');
  });
});
