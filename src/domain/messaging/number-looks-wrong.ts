/** Undelivered messages to one number, within `windowDays`, that make it look wrong. */
export const wrongNumberRule = { failures: 3, windowDays: 30 } as const;

/**
 * Whether a number's delivery failures (the network said unreachable, unknown or a landline) say
 * that the number itself is wrong rather than a phone switched off for a while: three different
 * messages failed within 30 days. A report repeated for one message counts once.
 */
export function numberLooksWrong(failures: ReadonlyArray<{ readonly messageId: string; readonly at: Date }>, now: Date): boolean {
  const since = now.getTime() - wrongNumberRule.windowDays * 86_400_000;
  const messages = new Set(failures.filter((failure) => failure.at.getTime() >= since).map((failure) => failure.messageId));
  return messages.size >= wrongNumberRule.failures;
}
