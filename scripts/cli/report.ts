import { Command } from 'commander';
import { z } from 'zod';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoProgrammeCatalogue } from '../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoReportSource } from '../../src/adapters/mongo/mongo-report-source.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { refuse } from '../../src/app/admin/admin-result.js';
import { outcomeReport, type OutcomeReport } from '../../src/app/reports/outcome-report.js';
import { filterProblems, inOrder, reportFilterShape } from '../../src/app/reports/report-filter.js';
import type { MeasureOutcome, Share } from '../../src/domain/analytics/measure-outcome.js';
import { loadMeasures } from '../../src/domain/measures/load-measures.js';
import { adminCliIo, printResult, type AdminCliIo } from './admin-cli-io.js';
import { withDatabase } from './with-database.js';

const outcomesOptions = inOrder(z.object({ ...reportFilterShape, suppress: z.boolean().default(false), json: z.boolean().default(false) }));

/** `report outcomes`: the commissioners' outcome report, the same figures as GET /api/reports/outcomes. */
export function reportCommand(io: Pick<AdminCliIo, 'out' | 'err' | 'fail'> = adminCliIo()): Command {
  const command = new Command('report').description('reports for managers and commissioners');
  command
    .command('outcomes')
    .description('outcomes per measure for the people whose baseline was completed in the period: paired change, reliable change, recovery')
    .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD (organisation time zone)')
    .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD, included')
    .option('--programme <name>', 'one programme (short name or name); all when left out')
    .option('--suppress', 'suppress small numbers (counts 1-4 as "<5", figures of fewer than 5 people left out), as for anything that leaves the organisation')
    .option('--json', 'print JSON instead of text')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = outcomesOptions.safeParse(raw);
      if (!parsed.success) {
        printResult(io as AdminCliIo, 'report outcomes', refuse('invalid', filterProblems(parsed.error.issues).map((p) => `--${p}`)), raw.json === true, () => '');
        return;
      }
      const options = parsed.data;
      const result = await withDatabase(async ({ db, config }) =>
        outcomeReport(
          {
            source: createMongoReportSource(db), programmes: createMongoProgrammeCatalogue(db), audit: createMongoAuditLog(db), clock: systemClock,
            measures: loadMeasures(config.measuresDir ? [config.measuresDir] : []), org: config.org,
          },
          { from: options.from, to: options.to, ...(options.programme ? { programme: options.programme } : {}), suppress: options.suppress },
          'cli',
        ));
      printResult(io as AdminCliIo, 'report outcomes', result, options.json, outcomeText);
    });
  return command;
}

export function outcomeText(report: OutcomeReport): string {
  const head = `Outcomes ${report.from} to ${report.to}, ${report.programme ?? 'all programmes'}${report.suppressed ? ' (small numbers suppressed)' : ''}`;
  if (report.measures.length === 0) return `${head}\nno baselines completed in the period`;
  return [head, ...report.measures.map(measureText)].join('\n\n');
}

function measureText(m: MeasureOutcome): string {
  const lines = [
    `${m.title}${m.validated ? '' : ' [not validated: describes, does not diagnose]'}`,
    `  enrolled ${m.enrolled}, baselines ${m.baselines}, follow-ups ${m.followUps}, paired ${m.paired}`,
  ];
  if (m.items.length === 0) lines.push(...figureLines(m, '  '));
  for (const item of m.items) lines.push(`  ${item.item}: paired ${item.paired}`, ...figureLines(item, '    '));
  for (const note of m.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

function figureLines(f: Pick<MeasureOutcome, 'baselineMean' | 'followUpMean' | 'change' | 'effectSize' | 'reliableImprovement' | 'noReliableChange' | 'reliableDeterioration' | 'recovery' | 'reliableRecovery' | 'reliableChangeThreshold' | 'casenessThreshold'>, indent: string): string[] {
  const share = (s: Share | null) => (s ? `${s.count}${s.percent === null ? '' : ` (${s.percent}%)`}` : 'n/a');
  const ci = f.change.ci95 ? ` (95% CI ${f.change.ci95[0]} to ${f.change.ci95[1]})` : '';
  return [
    `${indent}mean ${f.baselineMean ?? '-'} -> ${f.followUpMean ?? '-'}, change ${f.change.mean ?? '-'}${ci}, effect size ${f.effectSize ?? '-'}`,
    `${indent}reliable change (threshold ${f.reliableChangeThreshold}): improved ${share(f.reliableImprovement)}, no reliable change ${share(f.noReliableChange)}, deteriorated ${share(f.reliableDeterioration)}`,
    ...(f.casenessThreshold === 'no threshold' ? [] : [`${indent}recovery (caseness ${f.casenessThreshold}): ${share(f.recovery)}, reliable recovery ${share(f.reliableRecovery)}`]),
  ];
}
