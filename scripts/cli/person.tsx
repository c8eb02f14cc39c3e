import fs from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { render } from 'preact-render-to-string';
import { z } from 'zod';
import { createPhoneProtector } from '../../src/adapters/crypto/phone-protector.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { createMongoAuditLog } from '../../src/adapters/mongo/mongo-audit-log.js';
import { createMongoCaseStore } from '../../src/adapters/mongo/mongo-case-store.js';
import { createMongoPrivacyStore } from '../../src/adapters/mongo/mongo-privacy-store.js';
import { createMongoProgrammeCatalogue } from '../../src/adapters/mongo/mongo-programme-catalogue.js';
import { createMongoStaffDirectory } from '../../src/adapters/mongo/mongo-staff-directory.js';
import { createMongoTurnLocks } from '../../src/adapters/mongo/mongo-turn-locks.js';
import { refuse } from '../../src/app/admin/admin-result.js';
import { erasePerson, type ErasureOutcome } from '../../src/app/privacy/erase-person.js';
import { subjectAccess, type SubjectAccessDeps } from '../../src/app/privacy/subject-access.js';
import type { ErasureDeps } from '../../src/app/privacy/erase-person.js';
import type { Config } from '../../src/config.js';
import { loadMeasures } from '../../src/domain/measures/load-measures.js';
import { SubjectAccessPage } from '../../src/http/pages/subject-access-page.js';
import { adminCliIo, printResult, type AdminCliIo } from './admin-cli-io.js';
import { withDatabase } from './with-database.js';

/** Where `person` gets its ports, output and the operator's yes; tests pass their own. */
export interface PersonCliIo extends Pick<AdminCliIo, 'out' | 'err' | 'fail'> {
  run<T>(work: (deps: SubjectAccessDeps & ErasureDeps, config: { org: Pick<Config['org'], 'name' | 'timezone'> }) => Promise<T>): Promise<T>;
  /** Null when there is nobody to ask (not a terminal): the command then needs --yes. */
  confirm: ((question: string) => Promise<boolean>) | null;
}

export function personCliIo(): PersonCliIo {
  const io = adminCliIo();
  return {
    out: io.out, err: io.err, fail: io.fail,
    run: (work) => withDatabase(({ db, config }) => work({
      cases: createMongoCaseStore(db), privacy: createMongoPrivacyStore(db), phones: createPhoneProtector(config.encryptionKey),
      programmes: createMongoProgrammeCatalogue(db), staff: createMongoStaffDirectory(db), audit: createMongoAuditLog(db), locks: createMongoTurnLocks(db), clock: systemClock,
      measures: loadMeasures(config.measuresDir ? [config.measuresDir] : []),
    }, config)),
    confirm: process.stdin.isTTY
      ? async (question) => {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return /^y(es)?$/i.test((await rl.question(question)).trim());
          } finally {
            rl.close();
          }
        }
      : null,
  };
}

const exportOptions = z.object({ out: z.string({ error: 'out: give the file to write, e.g. --out SU-0042.json' }).min(1), html: z.boolean().default(false), json: z.boolean().default(false) });
const eraseOptions = z.object({ yes: z.boolean().default(false), removeScores: z.boolean().default(false), json: z.boolean().default(false) });

/** `person export` (subject access) and `person erase` (right to erasure): the operator's, audited as 'cli'. */
export function personCommand(io: PersonCliIo = personCliIo()): Command {
  const command = new Command('person').description('one service-user: subject access export and erasure');
  command
    .command('export')
    .description('everything held about one person (number, label, enrolments, consent, answers and scores, messages, alerts, audit entries) to a file')
    .argument('<reference>', 'their reference, e.g. SU-0042')
    .requiredOption('--out <file>', 'the file to write (JSON, or HTML with --html)')
    .option('--html', 'a readable, self-contained HTML page to hand over instead of JSON')
    .option('--json', 'print the outcome as JSON')
    .action(async (reference: string, raw: Record<string, unknown>) => {
      const parsed = exportOptions.safeParse(raw);
      if (!parsed.success) return printResult(io, 'person export', refuse('invalid', parsed.error.issues.map((i) => `--${i.message}`)), raw.json === true, () => '');
      const o = parsed.data;
      const result = await io.run(async (deps, config) => {
        const found = await subjectAccess(deps, reference, 'cli', 'cli', o.html ? 'html' : 'json');
        if (!found.ok) return found;
        const text = o.html
          ? `<!doctype html>${render(<SubjectAccessPage report={found.value} orgName={config.org.name} timeZone={config.org.timezone} />)}`
          : `${JSON.stringify(found.value, null, 2)}\n`;
        fs.writeFileSync(o.out, text, { mode: 0o600 });
        return { ok: true as const, value: { reference: found.value.reference, file: o.out, format: o.html ? 'html' : 'json', status: found.value.status } };
      });
      printResult(io, 'person export', result, o.json, (v) => `${v.reference}: written to ${v.file} (${v.format}); it holds personal data, keep it safe`);
    });
  command
    .command('erase')
    .description('erase one person: number, label, message texts and raw answers go, due work is cancelled; scores stay (detached) unless --remove-scores')
    .argument('<reference>', 'their reference, e.g. SU-0042')
    .option('--yes', 'do not ask for confirmation (for scripts)')
    .option('--remove-scores', 'remove their answers and scores too (the organisation\'s figures will change)')
    .option('--json', 'print JSON instead of text')
    .action(async (reference: string, raw: Record<string, unknown>) => {
      const parsed = eraseOptions.safeParse(raw);
      if (!parsed.success) return printResult(io, 'person erase', refuse('invalid', parsed.error.issues.map((i) => i.message)), raw.json === true, () => '');
      const o = parsed.data;
      if (!o.yes) {
        if (!io.confirm) return printResult(io, 'person erase', refuse('invalid', ['not a terminal: add --yes to erase without being asked']), o.json, () => '');
        const sure = await io.confirm(`Erase ${reference}${o.removeScores ? ' and their scores' : ''}? This cannot be undone. Type yes to go on: `);
        if (!sure) return printResult(io, 'person erase', refuse('conflict', ['not confirmed: nothing was erased']), o.json, () => '');
      }
      const result = await io.run((deps) => erasePerson(deps, reference, 'cli', { removeScores: o.removeScores, via: 'cli' }));
      printResult(io, 'person erase', result, o.json, erasureText);
    });
  return command;
}

function erasureText(outcome: ErasureOutcome): string {
  if (outcome.status === 'already-erased') return `${outcome.reference} was already erased (${outcome.erasedAt.toISOString()}): nothing to do`;
  const c = outcome.counts;
  return `${outcome.reference} erased: ${c.messages} message texts, ${c.assessments} timepoints (${outcome.scoresRemoved ? 'scores removed' : 'scores kept without identifiers'}), ${c.dueItems} scheduled items cancelled`;
}
