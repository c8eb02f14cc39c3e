import { Command } from 'commander';
import { ConfigError } from '../src/config.js';
import { auditCommand } from './cli/audit.js';
import { dbCommands } from './cli/db.js';
import { dbServeCommand } from './cli/db-serve.js';
import { exportCommand } from './cli/export.js';
import { personCommand } from './cli/person.js';
import { reportCommand } from './cli/report.js';
import { retentionCommand } from './cli/retention.js';
import { measuresCommand } from './cli/measures.js';
import { tokenCommand } from './cli/token.js';
import { programmeCommand } from './cli/programme.js';
import { setupCommand } from './cli/setup.js';
import { staffCommand } from './cli/staff.js';

/** `npm run cli -- <command>`: operator commands on the same config and database as the server. */
export function createCli(): Command {
  const program = new Command('promptly')
    .description('promptly operator commands (reads .env and the environment, like the server)')
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(setupCommand());
  for (const command of dbCommands()) program.addCommand(command);
  program.addCommand(dbServeCommand());
  program.addCommand(measuresCommand());
  program.addCommand(tokenCommand());
  program.addCommand(staffCommand());
  program.addCommand(programmeCommand());
  program.addCommand(reportCommand());
  program.addCommand(exportCommand());
  program.addCommand(auditCommand());
  program.addCommand(personCommand());
  program.addCommand(retentionCommand());
  return program;
}

if (require.main === module) {
  createCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      // commander has already printed its own usage errors and help; only our failures need words.
      const code = (error as { exitCode?: number }).exitCode;
      if (typeof code === 'number' && (error as { code?: string }).code?.startsWith('commander.')) process.exit(code);
      // With --json a failure is JSON too, shaped like a refused command's: scripts read one format.
      if (process.argv.includes('--json')) {
        const problems = error instanceof ConfigError ? error.problems : [error instanceof Error ? error.message : String(error)];
        process.stderr.write(`${JSON.stringify({ error: error instanceof ConfigError ? 'configuration' : 'failed', problems }, null, 2)}\n`);
      } else {
        process.stderr.write(`promptly: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exit(1);
    });
}
