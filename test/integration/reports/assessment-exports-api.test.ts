import ExcelJS from 'exceljs';
import { openOutcomesRig, ons4, phq9, type OutcomesRig, type Values } from './outcomes-fixture.js';
import type { Assessment } from '../../../src/app/ports/case-store.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

/** Six people (five on PHQ-9 + ONS4, stored as several measures; one on PHQ-9 alone), baseline and a follow-up each. */
describe('the assessment exports', () => {
  let rig: OutcomesRig;
  const stored: Array<{ assessment: Assessment; reference: string }> = [];
  const phones: string[] = [];

  beforeAll(async () => {
    rig = await openOutcomesRig();
    const mood = await rig.programme('mood', ['phq9', 'ons4']);
    const phq = await rig.programme('phq', ['phq9']);
    for (let n = 1; n <= 6; n += 1) {
      const programme = n === 6 ? phq : mood;
      const answers = (p: number): Record<string, Values> => (n === 6 ? { phq9: phq9(p) } : { phq9: phq9(p), ons4: ons4(n, n === 2 ? null : n + 1, n + 2, 9 - n) });
      phones.push(`7700900${200 + n}`);
      const { enrolment, assessments } = await rig.person({
        programme, phone: `07700 900${200 + n}`, label: `Zoë Label${n}`, enrolledAt: '2026-03-02T09:00:00Z',
        baseline: { at: `2026-03-0${n + 1}T10:00:00Z`, answers: answers(10 + n) }, followUps: [{ at: `2026-04-1${n}T10:00:00Z`, answers: answers(n), late: n === 3 }],
      });
      for (const assessment of assessments) stored.push({ assessment, reference: enrolment.reference });
    }
  });
  afterAll(async () => rig.close());

  const download = async (query: string, token: string) => {
    const response = await fetch(rig.url(`/api/exports/assessments${query}`), { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const csvRows = (bytes: Buffer) => bytes.subarray(3).toString('utf8').trimEnd().split('\r\n').map((line) => line.split(','));
  /** Every answered item stored, as [programme, timepoint, completed date, measure, item, value]. */
  const storedAnswers = () =>
    stored.flatMap(({ assessment }) => {
      const perMeasure = assessment.measureAnswers ?? { [assessment.measureId]: Object.fromEntries(Object.entries(assessment.answers).map(([item, a]) => [item, a.value])) };
      return Object.entries(perMeasure).flatMap(([measure, values]) =>
        Object.entries(values).filter(([, value]) => value !== null).map(([item, value]) =>
          [assessment.programmeId, assessment.timepointId, assessment.completedAt?.toISOString().slice(0, 10), measure, item, String(value)].join('|')));
    });

  it('when a manager exports long CSV, then it has a BOM, the columns of the issue and exactly the stored answers', async () => {
    const { status, headers, bytes } = await download('?format=csv&shape=long&from=2026-03-01&to=2026-04-30', rig.tokens.manager);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="promptly-assessments-long-2026-03-01-to-2026-04-30.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(bytes);
    expect(header).toEqual(['pseudonym', 'programme', 'timepoint', 'due_date', 'completed_date', 'late', 'measure', 'measure_version', 'item', 'value', 'team']);
    const slugs = new Map(await Promise.all(['mood', 'phq'].map(async (slug) => [(await rig.deps.programmes.find(slug))?.id, slug] as const)));
    const exported = rows.map((row) => [row[1], row[2], row[4], row[6], row[8], row[9]].join('|')).sort();
    expect(exported).toEqual(storedAnswers().map((line) => line.replace(/^[^|]+/, (id) => slugs.get(id) ?? id)).sort());
    expect(rows.every((row) => row[7] === '1' && row[10] === 'north' && /^P-[0-9A-F]{12}$/.test(row[0] ?? ''))).toBe(true);
    expect(rows.filter((row) => row[5] === '1').every((row) => row[2] === '6w')).toBe(true); // person 3's follow-up was late
    expect(new Set(rows.map((row) => row[0])).size).toBe(6); // one pseudonym per person
  });

  it('when the same export is made twice, then the pseudonyms differ; with stable pseudonyms (admin), they are the same', async () => {
    const first = (bytes: Buffer) => new Set(csvRows(bytes).slice(1).map((row) => row[0]));
    const a = first((await download('?format=csv&from=2026-03-01&to=2026-04-30', rig.tokens.manager)).bytes);
    const b = first((await download('?format=csv&from=2026-03-01&to=2026-04-30', rig.tokens.manager)).bytes);
    expect([...a].some((p) => b.has(p))).toBe(false);
    const s1 = first((await download('?format=csv&from=2026-03-01&to=2026-04-30&pseudonyms=stable', rig.tokens.adminToken)).bytes);
    const s2 = first((await download('?format=csv&from=2026-03-01&to=2026-04-30&pseudonyms=stable', rig.tokens.admin)).bytes);
    expect([...s1].sort()).toEqual([...s2].sort());
  });

  it('when the CSV dictionary is asked for, then it names every column and each item\'s value labels', async () => {
    const { status, headers, bytes } = await download('?format=csv&shape=long&from=2026-03-01&to=2026-04-30&part=dictionary', rig.tokens.analyst);
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toContain('promptly-assessments-long-2026-03-01-to-2026-04-30-dictionary.csv');
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('variable,measure,item,description,type,value_labels,validated');
    expect(text).toContain('value,phq9,q1,phq9 q1: little interest or pleasure in doing things?,numeric,0=Not at all; 1=Several days; 2=More than half the days; 3=Nearly every day,validated');
    expect(text).toContain('value,ons4,anxiety,');
    expect(text).toContain('0=Not at all; 10=Completely (values 0 to 10)');
  });

  it('when an XLSX wide export is read back, then each row holds the stored answers and scores, with a dictionary sheet', async () => {
    const { status, bytes } = await download('?format=xlsx&shape=wide&from=2026-03-01&to=2026-04-30', rig.tokens.analyst);
    expect(status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('assessments');
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const [header, ...data] = rows as unknown[][];
    expect(header?.slice(0, 9)).toEqual(['pseudonym', 'programme', 'timepoint', 'due_date', 'completed_date', 'late', 'measure', 'measure_version', 'phq9_q1']);
    const at = (name: string) => (header ?? []).indexOf(name);
    expect(['phq9_q9', 'ons4_life_satisfaction', 'ons4_anxiety', 'total', 'converted', 'band', 'ons4_sub_anxiety', 'ons4_sub_anxiety_band', 'team'].every((n) => at(n) > 0)).toBe(true);
    const expected = stored.flatMap(({ assessment }) => {
      const scores = assessment.scores ?? { [assessment.measureId]: assessment.score! };
      return Object.entries(scores).map(([measure, score]) => [assessment.timepointId, measure, score.total ?? null, String(score.band ?? null)].join('|'));
    });
    expect(data.map((row) => [row[at('timepoint')], row[at('measure')], row[at('total')] ?? null, String(row[at('band')] ?? null)].join('|')).sort()).toEqual(expected.sort());
    const ons = data.filter((row) => row[at('measure')] === 'ons4');
    expect(ons).toHaveLength(10);
    expect(ons.filter((row) => row[at('ons4_worthwhile')] === undefined || row[at('ons4_worthwhile')] === null)).toHaveLength(2); // person 2 skipped it twice
    expect(workbook.getWorksheet('dictionary')?.getRow(1).values).toEqual([undefined, 'variable', 'measure', 'item', 'description', 'type', 'value_labels', 'validated']);
  });

  it('when a pseudonymised export is made, then no phone number, label, reference, typed text or worker name is anywhere in it', async () => {
    const parts = await Promise.all([
      download('?format=csv&shape=long&from=2026-03-01&to=2026-04-30', rig.tokens.manager),
      download('?format=csv&shape=wide&from=2026-03-01&to=2026-04-30', rig.tokens.manager),
      download('?format=csv&shape=wide&from=2026-03-01&to=2026-04-30&part=dictionary', rig.tokens.manager),
    ]);
    const xlsx = await download('?format=xlsx&shape=long&from=2026-03-01&to=2026-04-30', rig.tokens.manager);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
    const everything = [...parts.map((part) => part.bytes.toString('utf8')), cells.join('\n')].join('\n');
    for (const phone of phones) expect(everything).not.toContain(phone);
    expect(everything).not.toMatch(/Label|Zoë|SU-\d|Wendy|said|skip/);
  });

  it('when a manager asks for the identifiable internal export, then it has references and worker names and says so in its name', async () => {
    const { status, headers, bytes } = await download('?format=csv&from=2026-03-01&to=2026-04-30&identifiable=true', rig.tokens.manager);
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toContain('promptly-assessments-IDENTIFIABLE-internal-only-long-2026-03-01-to-2026-04-30.csv');
    const [header, first] = csvRows(bytes);
    expect(header?.[0]).toBe('reference');
    expect(header?.at(-1)).toBe('worker');
    expect(first?.[0]).toMatch(/^SU-\d+/);
    expect(first?.at(-1)).toBe('Wendy Worker');
  });

  it.each([
    ['a worker', 403, 'worker', '?format=csv&from=2026-03-01&to=2026-04-30'],
    ['an analyst for the identifiable export', 403, 'analyst', '?format=csv&from=2026-03-01&to=2026-04-30&identifiable=true'],
    ['a manager for stable pseudonyms', 403, 'manager', '?format=csv&from=2026-03-01&to=2026-04-30&pseudonyms=stable'],
    ['a manager without a format', 400, 'manager', '?from=2026-03-01&to=2026-04-30'],
    ['a manager for a period of fewer than 5 people', 409, 'manager', '?format=csv&from=2026-03-01&to=2026-03-04'],
  ] as const)('when %s asks, then the answer is %i', async (_who, status, role, query) => {
    expect((await download(query, rig.tokens[role])).status).toBe(status);
  });

  it('when an export is made, then the audit log records who, the filters, rows, format and whether it was pseudonymised', async () => {
    await download('?format=xlsx&shape=wide&from=2026-03-01&to=2026-04-30', rig.tokens.analyst);
    const entry = await (await sealedAuditLog(rig.database.db)).find({ action: 'export.assessments', actor: `staff:${rig.staff.analyst.id}` }).sort({ at: -1 }).limit(1).next();
    expect(entry?.details).toEqual({
      filters: { from: '2026-03-01', to: '2026-04-30', programme: null }, rows: 22, // 5 people x 2 timepoints x 2 measures + 1 x 2 x 1
      format: 'xlsx', shape: 'wide', pseudonymised: true, pseudonyms: 'this export only', completed: true,
    });
  });
});
