import express from 'express';
import { z } from 'zod';
import type { AdminRefusal } from '../app/admin/admin-result.js';
import type { ApiTokens } from '../app/ports/api-tokens.js';
import type { StaffDirectory } from '../app/ports/staff-directory.js';
import { prepareExport, type ExportDeps } from '../app/reports/export-assessments.js';
import { outcomeReport, type OutcomeReportDeps } from '../app/reports/outcome-report.js';
import { filterProblems, inOrder, reportFilterShape } from '../app/reports/report-filter.js';
import { createCsvTableWriter } from '../adapters/export/csv-table-writer.js';
import { createXlsxTableWriter } from '../adapters/export/xlsx-table-writer.js';
import { authenticate, type Principal } from './authenticate.js';

export type CommissioningApiDeps = OutcomeReportDeps & ExportDeps & { adminToken: string; tokens: ApiTokens; staff: StaffDirectory };

const flag = (name: string) => z.enum(['true', 'false'], { error: `${name} is true or false` }).optional().transform((value) => value === 'true');

const outcomesQuery = inOrder(z.object({ ...reportFilterShape, suppress: flag('suppress') }));

const exportQuery = inOrder(
  z.object({
    ...reportFilterShape,
    format: z.enum(['csv', 'xlsx'], { error: 'format is csv or xlsx' }),
    shape: z.enum(['long', 'wide'], { error: 'shape is long (a row per answer) or wide (a row per timepoint and measure)' }).default('long'),
    pseudonyms: z.enum(['export', 'stable'], { error: 'pseudonyms is export (keyed for this export, the default) or stable (admins only)' }).default('export'),
    identifiable: flag('identifiable'),
    part: z.enum(['data', 'dictionary'], { error: 'part is data or dictionary (the CSV export\'s data dictionary)' }).default('data'),
  }),
);

const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * GET /api/reports/outcomes and GET /api/exports/assessments, for managers, admins and analysts.
 * An analyst's report is always suppressed and their exports always pseudonymised; stable
 * pseudonyms are for admins, the identifiable internal export for managers and admins. Workers
 * get 403, as for the weekly report. Mount at /api.
 */
export function commissioningApi(deps: CommissioningApiDeps): express.Router {
  const router = express.Router();
  const guard = authenticate({ adminToken: deps.adminToken, tokens: deps.tokens, staff: deps.staff });

  router.get('/reports/outcomes', guard, async (req, res) => {
    const principal = res.locals.principal as Principal;
    const role = roleOf(principal);
    if (role === 'worker') {
      res.status(403).json({ error: 'outcome reports are for managers, admins and analysts' });
      return;
    }
    const parsed = outcomesQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid report request', problems: filterProblems(parsed.error.issues) });
      return;
    }
    const result = await outcomeReport(deps, { ...parsed.data, suppress: parsed.data.suppress || role === 'analyst' }, actorOf(principal));
    if (!result.ok) return refused(res, 'invalid report request', result);
    res.json(result.value);
  });

  router.get('/exports/assessments', guard, async (req, res) => {
    const principal = res.locals.principal as Principal;
    const role = roleOf(principal);
    if (role === 'worker') {
      res.status(403).json({ error: 'exports are for managers, admins and analysts' });
      return;
    }
    const parsed = exportQuery.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid export request', problems: filterProblems(parsed.error.issues) });
      return;
    }
    const query = parsed.data;
    if (query.identifiable && role !== 'manager' && role !== 'admin') {
      res.status(403).json({ error: 'the identifiable internal export is for managers and admins; analysts get pseudonymised exports' });
      return;
    }
    if (query.pseudonyms === 'stable' && role !== 'admin') {
      res.status(403).json({ error: 'stable pseudonyms (the same across exports) are for admins only' });
      return;
    }
    if (query.part === 'dictionary' && query.format !== 'csv') {
      res.status(400).json({ error: 'invalid export request', problems: ['part: the dictionary is a separate file for CSV only; an XLSX export has it as a sheet'] });
      return;
    }
    const identity = query.identifiable ? 'identifiable' : query.pseudonyms === 'stable' ? 'stable-pseudonyms' : 'pseudonymised';
    const prepared = await prepareExport(deps, { ...query, identity }, actorOf(principal));
    if (!prepared.ok) return refused(res, 'invalid export request', prepared);
    const { value } = prepared;
    const dictionary = query.part === 'dictionary';
    res.status(200);
    res.set('Content-Type', dictionary ? contentTypes.csv : contentTypes[query.format]);
    res.set('Content-Disposition', `attachment; filename="${dictionary ? value.dictionaryFileName : value.fileName}"`);
    res.set('Cache-Control', 'no-store');
    if (dictionary) {
      await value.writeDictionary(createCsvTableWriter({ dictionary: res }));
      return;
    }
    if (query.format === 'csv') {
      const link = new URLSearchParams({ ...(req.query as Record<string, string>), part: 'dictionary' });
      res.set('Link', `</api/exports/assessments?${link.toString()}>; rel="describedby"; type="text/csv"`);
    }
    // Headers are gone once the first row is: a failure from here on can only cut the download short.
    await value.write(query.format === 'csv' ? createCsvTableWriter({ data: res }) : createXlsxTableWriter(res)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  return router;
}

function roleOf(principal: Principal): 'worker' | 'manager' | 'admin' | 'analyst' {
  return principal.kind === 'admin' ? 'admin' : principal.member.role;
}

function actorOf(principal: Principal): string {
  return principal.kind === 'admin' ? 'admin-token' : `staff:${principal.member.id}`;
}

function refused(res: express.Response, error: string, refusal: AdminRefusal): void {
  const status = refusal.kind === 'not-found' ? 404 : refusal.kind === 'conflict' ? 409 : 400;
  res.status(status).json({ error, problems: refusal.problems });
}
