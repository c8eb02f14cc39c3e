import { z } from 'zod';
import type { Period } from '../../domain/analytics/analytics-records.js';
import { zonedTimeToUtc } from '../../domain/schedule/zoned-time-to-utc.js';
import { findProgramme } from '../admin/find-programme.js';
import { refuse, type AdminResult } from '../admin/admin-result.js';
import type { Programme, ProgrammeCatalogue } from '../ports/programme-catalogue.js';

const dateHint = 'use a date such as 2026-04-01 (YYYY-MM-DD)';

const isoDate = (field: string) =>
  z
    .string({ error: `${field} is required: ${dateHint}` })
    .trim()
    .refine((text) => parseDate(text) !== null, { error: (issue) => `"${String(issue.input)}" is not a date: ${dateHint}` });

/** The filters every outcome report and export takes, from a query string or CLI options alike (extend, then `inOrder`). */
export const reportFilterShape = {
  from: isoDate('from'),
  to: isoDate('to'),
  programme: z.string().trim().min(1, 'give a programme\'s short name, or leave it out for all').optional(),
};

export const reportFilterSchema = inOrder(z.object(reportFilterShape));

/** Refuses a period whose end comes before its start. */
export function inOrder<T extends z.ZodType<{ from: string; to: string }>>(schema: T): T {
  return schema.refine((filter) => filter.from <= filter.to, { error: '"to" is before "from": the period runs from the first date to the last, both included', path: ['to'] }) as unknown as T;
}

export type ReportFilterInput = z.output<typeof reportFilterSchema>;

/** zod's issues as `field: problem` lines, for a 400 or a CLI error. */
export function filterProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`);
}

export interface ReportFilter {
  readonly from: string;
  readonly to: string;
  /** The programme's slug when one was asked for, else null (all programmes). */
  readonly programme: Programme | null;
  /** From 00:00 on `from` to 00:00 the day after `to`, in the organisation's zone. */
  readonly period: Period;
}

/** Resolves the dates in the organisation's zone and the programme by short name or name (not-found lists them). */
export async function resolveReportFilter(
  programmes: Pick<ProgrammeCatalogue, 'find' | 'list'>,
  input: ReportFilterInput,
  timeZone: string,
): Promise<AdminResult<ReportFilter>> {
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (!from || !to) return refuse('invalid', [`from and to: ${dateHint}`]);
  let programme: Programme | null = null;
  if (input.programme !== undefined) {
    const found = await findProgramme(programmes as ProgrammeCatalogue, input.programme);
    if (!found.ok) return found;
    programme = found.value;
  }
  const start = zonedTimeToUtc({ ...from, hour: 0, minute: 0 }, timeZone);
  const next = new Date(Date.UTC(to.year, to.month - 1, to.day + 1));
  const end = zonedTimeToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone);
  return { ok: true, value: { from: input.from, to: input.to, programme, period: { start, end } } };
}

function parseDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}
