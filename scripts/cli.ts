import { Command } from 'commander';
import { dbCommands } from './cli/db.js';
import { measuresCommand } from './cli/measures.js';
import { tokenCommand } from './cli/token.js';
import { programmeCommand } from './cli/programme.js';
import { staffCommand } from './cli/staff.js';

/** `npm run cli -- <command>`: operator commands on the same config and database as the server. */
export function createCli(): Command {
  const program = new Command('promptly')
    .description('promptly operator commands (reads .env and the environment, like the server)')
    .showHelpAfterError()
    .exitOverride();
  for (const command of dbCommands()) program.addCommand(command);
  program.addCommand(measuresCommand());
  program.addCommand(tokenCommand());
  program.addCommand(staffCommand());
  program.addCommand(programmeCommand());
  return program;
}

if (require.main === module) {
  createCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      // commander has already printed its own usage errors and help; only our failures need words.
      const code = (error as { exitCode?: number }).exitCode;
      if (typeof code === 'number' && (error as { code?: string }).code?.startsWith('commander.')) process.exit(code);
      process.stderr.write(`promptly: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
