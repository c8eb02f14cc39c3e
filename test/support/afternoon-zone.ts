/**
 * A time zone where it is now early afternoon (Etc/GMT-N is N hours ahead of UTC), for tests of
 * the server process on the real clock: invitations fall inside the send window (09:00-20:00) and
 * staff notices inside working hours whenever the test runs, instead of waiting for the morning.
 */
export function afternoonZone(now = new Date()): string {
  let ahead = 13 - now.getUTCHours();
  if (ahead > 12) ahead -= 24;
  if (ahead < -11) ahead += 24;
  return ahead === 0 ? 'UTC' : `Etc/GMT${ahead > 0 ? '-' : '+'}${Math.abs(ahead)}`;
}
