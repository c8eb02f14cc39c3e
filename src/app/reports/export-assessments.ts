import type { MeasureCatalogue } from '../../domain/measures/load-measures.js';
import type { Measure } from '../../domain/measures/measure.js';
import { refuse, type AdminResult } from '../admin/admin-result.js';
import { smallNumber } from '../../domain/analytics/measure-outcome.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { Programme, ProgrammeCatalogue } from '../ports/programme-catalogue.js';
import type { Pseudonyms } from '../ports/pseudonyms.js';
import type { CompletedAssessment, CompletedAssessmentFilter, ReportSource } from '../ports/report-source.js';
import type { Cell, TableWriter } from '../ports/table-writer.js';
import { dictionaryColumns, exportLayout, type ExportIdentity, type ExportLayout, type ExportShape } from './export-layout.js';
import { resolveReportFilter, type ReportFilterInput } from './report-filter.js';

export interface ExportDeps {
  source: Pick<ReportSource, 'completedAssessments' | 'staffProfiles' | 'serviceUserReferences' | 'countPeople'>;
  programmes: Pick<ProgrammeCatalogue, 'find' | 'list'>;
  measures: MeasureCatalogue;
  pseudonyms: Pseudonyms;
  audit: AuditLog;
  clock: Pick<Clock, 'now'>;
  org: { timezone: string };
}

export interface ExportRequest extends ReportFilterInput {
  format: 'csv' | 'xlsx';
  shape: ExportShape;
  identity: ExportIdentity;
}

/** An export checked and laid out, not yet read: the caller names the file, then writes it. */
export interface PreparedExport {
  fileName: string;
  /** The CSV data dictionary's file name (beside the CSV); XLSX has it as a sheet. */
  dictionaryFileName: string;
  layout: ExportLayout;
  /** Streams the rows (then, for XLSX, the dictionary sheet) into the writer; audits what left. */
  write(writer: TableWriter, options?: { dictionary?: boolean }): Promise<{ rows: number }>;
  /** The dictionary alone (the CSV export's second file). */
  writeDictionary(writer: TableWriter): Promise<void>;
}

/**
 * The assessments completed in a period (optionally one programme) for analysts and
 * commissioners. Pseudonymised unless `identity` is "identifiable" (the caller checks the role):
 * no phone number, label, name or typed text, and never about fewer than 5 people, where a
 * pseudonym is little protection. Rows come from one database cursor, so the export costs the
 * same memory for 100 assessments as for 100,000. Every export is audited with its filters, rows,
 * format and whether it was pseudonymised.
 */
export async function prepareExport(deps: ExportDeps, request: ExportRequest, actor: string): Promise<AdminResult<PreparedExport>> {
  const resolved = await resolveReportFilter(deps.programmes, request, deps.org.timezone);
  if (!resolved.ok) return resolved;
  const { period, programme } = resolved.value;
  const filter: CompletedAssessmentFilter = {
    completedFrom: period.start, completedBefore: period.end, kinds: ['baseline', 'follow-up', 'discharge'], ...(programme ? { programmeId: programme.id } : {}),
  };
  if (request.identity !== 'identifiable') {
    const people = await deps.source.countPeople(filter);
    if (people > 0 && people < smallNumber) {
      return refuse('conflict', [`the period holds answers of fewer than ${smallNumber} people: too few to leave the organisation even pseudonymised; choose a longer period or all programmes`]);
    }
  }
  const programmes = await deps.programmes.list();
  const measures = measuresInScope(programme ? [programme] : programmes, deps.measures);
  const layout = exportLayout(request.shape, request.identity, measures);
  const slugs = new Map(programmes.map((p) => [p.id, p.slug]));
  const base = [
    'promptly-assessments',
    ...(request.identity === 'identifiable' ? ['IDENTIFIABLE-internal-only'] : []),
    request.shape, request.from, 'to', request.to, ...(programme ? [programme.slug] : []),
  ].join('-');
  const dictionaryRows = async (writer: TableWriter) => {
    await writer.table('dictionary', dictionaryColumns);
    for (const row of layout.dictionary) await writer.row(row);
  };
  const writeDictionary = async (writer: TableWriter) => {
    await dictionaryRows(writer);
    await writer.finish();
  };
  return {
    ok: true,
    value: {
      fileName: `${base}.${request.format}`,
      dictionaryFileName: `${base}-dictionary.csv`,
      layout,
      writeDictionary,
      async write(writer, options = {}) {
        const person = await personColumn(deps, request.identity);
        const staff = await deps.source.staffProfiles();
        const date = isoDateIn(deps.org.timezone);
        const toRows = request.shape === 'long' ? longRows : wideRows(layout);
        let rows = 0;
        let finished = false;
        try {
          await writer.table('data', layout.columns);
          for await (const assessment of deps.source.completedAssessments(filter)) {
            const worker = staff.get(assessment.workerId);
            const lead: Cell[] = [
              person(assessment), slugs.get(assessment.programmeId) ?? assessment.programmeId, assessment.timepointId,
              date(assessment.dueAt), date(assessment.completedAt), assessment.late ? 1 : 0,
            ];
            const tail: Cell[] = request.identity === 'identifiable' ? [worker?.team ?? null, worker?.name ?? null] : [worker?.team ?? null];
            for (const row of toRows(assessment, deps.measures)) {
              await writer.row([...lead, ...row, ...tail]);
              rows += 1;
            }
          }
          if (options.dictionary ?? request.format === 'xlsx') await dictionaryRows(writer);
          await writer.finish();
          finished = true;
        } finally {
          await deps.audit.record({
            actor,
            action: 'export.assessments',
            at: deps.clock.now(),
            details: {
              filters: { from: request.from, to: request.to, programme: programme?.slug ?? null },
              rows, format: request.format, shape: request.shape,
              pseudonymised: request.identity !== 'identifiable', pseudonyms: request.identity === 'identifiable' ? 'none' : request.identity === 'stable-pseudonyms' ? 'stable' : 'this export only',
              completed: finished,
            },
          });
        }
        return { rows };
      },
    },
  };
}

/** The measures any plan version of the programmes asks, in the order the programmes ask them. */
function measuresInScope(programmes: readonly Programme[], catalogue: MeasureCatalogue): Measure[] {
  const ids = new Set<string>();
  for (const programme of programmes) {
    const plans = [{ measureId: programme.measureId, questionnaire: programme.questionnaire }, ...(programme.planVersions ?? [])];
    for (const plan of plans) {
      ids.add(plan.measureId);
      for (const id of plan.questionnaire?.measures ?? []) ids.add(id);
      for (const list of Object.values(plan.questionnaire?.at ?? {})) for (const id of list) ids.add(id);
    }
  }
  return [...ids].flatMap((id) => {
    const measure = catalogue.get(id);
    return measure ? [measure] : [];
  });
}

async function personColumn(deps: ExportDeps, identity: ExportIdentity): Promise<(assessment: CompletedAssessment) => string> {
  if (identity === 'identifiable') {
    const references = await deps.source.serviceUserReferences();
    return (assessment) => references.get(assessment.serviceUserId) ?? assessment.serviceUserId;
  }
  const pseudonym = identity === 'stable-pseudonyms' ? deps.pseudonyms.stable() : deps.pseudonyms.forOneExport();
  return (assessment) => pseudonym(assessment.serviceUserId);
}

function longRows(assessment: CompletedAssessment, catalogue: MeasureCatalogue): Cell[][] {
  return assessment.measures.flatMap((response) => {
    const version = response.version ?? catalogue.get(response.measureId)?.version ?? null;
    const order = catalogue.get(response.measureId)?.items.map((item) => item.id) ?? Object.keys(response.values);
    return order
      .filter((item) => typeof response.values[item] === 'number')
      .map((item): Cell[] => [response.measureId, version, item, response.values[item] ?? null]);
  });
}

function wideRows(layout: ExportLayout): (assessment: CompletedAssessment, catalogue: MeasureCatalogue) => Cell[][] {
  const first = 8; // pseudonym ... measure_version come before the measure's own columns (see exportLayout)
  const width = layout.columns.length - first - (layout.columns.at(-1) === 'worker' ? 2 : 1);
  const totalAt = layout.columns.indexOf('total') - first;
  return (assessment, catalogue) =>
    assessment.measures.map((response) => {
      const cells: Cell[] = new Array<Cell>(width).fill(null);
      const columns = layout.wide.get(response.measureId);
      for (const [item, value] of Object.entries(response.values)) {
        const at = columns?.items.get(item);
        if (at !== undefined && typeof value === 'number') cells[at - first] = value;
      }
      if (response.score?.scorable) {
        cells[totalAt] = response.score.total;
        cells[totalAt + 1] = response.score.converted;
        cells[totalAt + 2] = response.score.band;
      }
      for (const subscale of response.score?.subscales ?? []) {
        const at = columns?.subscales.get(subscale.id);
        if (!at) continue;
        cells[at.score - first] = subscale.score;
        if (at.band !== null) cells[at.band - first] = subscale.band;
      }
      return [response.measureId, response.version ?? catalogue.get(response.measureId)?.version ?? null, ...cells];
    });
}

/** YYYY-MM-DD in the organisation's zone. */
function isoDateIn(timeZone: string): (instant: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (instant) => format.format(instant);
}
