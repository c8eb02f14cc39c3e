/**
 * A check-in date as people say it, "Tuesday 14 April", in the organisation's time zone (a check-in
 * at 23:30 UTC is already the next day in summer in London). The year is added only when the date
 * is far enough off that the month alone could mislead.
 */
export function formatCheckInDate(date: Date, timeZone: string, now: Date): string {
  const withYear = Math.abs(date.getTime() - now.getTime()) > farOffMs;
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' as const } : {}),
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  // Built from parts because en-GB puts a comma after the weekday once a year is included.
  return [part('weekday'), part('day'), part('month'), withYear ? part('year') : ''].filter((text) => text !== '').join(' ');
}

const farOffMs = 300 * 24 * 60 * 60 * 1000;
