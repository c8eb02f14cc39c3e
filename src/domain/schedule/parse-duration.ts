export type ParsedDuration = { readonly ok: true; readonly days: number } | { readonly ok: false; readonly reason: string };

// Ten years: anything longer in a timepoint plan is a typo (60w written as 600w), not a plan.
const maxDays = 3660;

/**
 * Read a timepoint offset or window length: a whole number of days ("10d") or weeks ("6w").
 * Months and years are refused rather than guessed at: "3 months" after 30 November is not the
 * same number of days as after 1 March, and follow-up windows need to be fixed.
 */
export function parseDuration(text: string): ParsedDuration {
  const trimmed = text.trim().toLowerCase();
  const match = /^(\d+)\s*([a-z]*)$/.exec(trimmed);
  if (match === null) return refuse(text, 'write a whole number followed by d (days) or w (weeks), e.g. 6w or 10d');
  const amount = Number(match[1]);
  const unit = match[2] ?? '';
  if (unit === '') return refuse(text, 'add a unit: d for days or w for weeks, e.g. 6w');
  if (/^(m|mo|mon|month|months)$/.test(unit)) return refuse(text, 'months vary in length; give weeks or days instead, e.g. 13w for about 3 months');
  if (/^(y|yr|year|years)$/.test(unit)) return refuse(text, 'years are not supported; give weeks instead, e.g. 52w');
  const days = /^(d|day|days)$/.test(unit) ? amount : /^(w|wk|week|weeks)$/.test(unit) ? amount * 7 : undefined;
  if (days === undefined) return refuse(text, `unknown unit "${unit}"; use d for days or w for weeks`);
  if (days > maxDays) return refuse(text, `longer than ${maxDays} days; check for a typo`);
  return { ok: true, days };
}

function refuse(text: string, why: string): ParsedDuration {
  return { ok: false, reason: `"${text}": ${why}` };
}
