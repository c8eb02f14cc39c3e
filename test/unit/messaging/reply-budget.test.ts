import { replyBudget, type ReplyLoopState } from '../../../src/domain/messaging/reply-budget.js';

const t0 = new Date('2026-12-01T11:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Runs turns at the given minutes, keeping what each would save, and says which replied and told. */
function run(minutes: number[], limit = 3): Array<{ allowed: boolean; tell: boolean }> {
  let state: ReplyLoopState | undefined;
  return minutes.map((minute) => {
    const budget = replyBudget(state, at(minute), limit);
    state = budget.next;
    return { allowed: budget.allowed, tell: budget.tell };
  });
}

describe('replyBudget', () => {
  it('when a number has had the limit of replies within the hour, then the next is held back and staff are told once', () => {
    expect(run([0, 1, 2, 3, 4, 5])).toEqual([
      { allowed: true, tell: false }, { allowed: true, tell: false }, { allowed: true, tell: false },
      { allowed: false, tell: true }, { allowed: false, tell: false }, { allowed: false, tell: false },
    ]);
  });

  it('when the oldest counted reply is an hour old, then replies resume', () => {
    expect(run([0, 1, 2, 30, 60, 61]).map((turn) => turn.allowed)).toEqual([true, true, true, false, true, true]);
  });

  it('when a slow loop frees one reply at a time, then staff are told at most once an hour', () => {
    // Each freed reply starts a new episode a minute later; only the one an hour after the notice tells.
    const turns = run([0, 1, 2, 3, 60, 60.5, 61, 61.5, 62, 63.5]);
    expect(turns.map((turn) => turn.allowed)).toEqual([true, true, true, false, true, false, true, false, true, false]);
    expect(turns.map((turn) => turn.tell)).toEqual([false, false, false, true, false, false, false, false, false, true]);
  });

  it('when replies are counted, then no more than the limit are kept', () => {
    let state: ReplyLoopState | undefined;
    for (let minute = 0; minute < 200; minute += 7) state = replyBudget(state, at(minute), 3).next;
    expect(state?.recent.length).toBeLessThanOrEqual(3);
  });
});
