import { workerHelp } from '../../../src/app/cases/handle-worker-command.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { parseWorkerCommand } from '../../../src/domain/cases/worker-commands.js';

describe('the HELP text for staff', () => {
  const help = workerHelp('Riverside Community Trust');

  it('when a worker texts HELP, then each command is on its own line with an example and what it does', () => {
    expect(help).toBe(
      [
        'Riverside Community Trust: commands',
        'ENROL 07700 900123 - add someone',
        'STATUS - list your people',
        'PAUSE SU-0042 - no reminders',
        'RESUME SU-0042 - reminders again',
        'WITHDRAW SU-0042 - stop texts',
        'DONE SU-0042 - support ended',
        'ACK SU-0042 - alert seen',
        'Reply STOP to opt out',
      ].join('\n'),
    );
  });

  it('when a worker copies an example, then it is read as that command, with no placeholders to fill in', () => {
    const examples = help.split('\n').slice(1, -1).map((line) => line.split(' - ')[0] ?? '');
    expect(examples.map((example) => parseWorkerCommand(example).kind)).toEqual(['enrol', 'status', 'pause', 'resume', 'withdraw', 'done', 'ack']);
    expect(help).not.toMatch(/[<>[\]]/);
  });

  it.each([
    ['short', 'Riverside Community Trust'],
    ['long', 'The Riverside Community Wellbeing and Mental Health Partnership (North & East)'],
    ['typographic and emoji', 'St John\u2019s \u201CHope\u201D Project \u2013 Zo\u00EB\u2019s Place \u{1F642}'],
    ['5,000 characters long', 'A'.repeat(5000)],
  ])('when the organisation name is %s, then HELP fits two GSM-7 segments and keeps every command', (_kind, orgName) => {
    const text = workerHelp(orgName);
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7' });
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text.split('\n').slice(1)).toEqual(help.split('\n').slice(1));
  });

  it('when a manager texts HELP, then REPORT is offered as well, under the full organisation name', () => {
    const managerHelp = workerHelp('Riverside Community Trust', [], 'manager');
    expect(managerHelp.split('\n').slice(0, 4)).toEqual(['Riverside Community Trust: commands', 'ENROL 07700 900123 - add someone', 'STATUS - list your people', 'REPORT - figures']);
    expect(parseWorkerCommand('REPORT').kind).toBe('report');
    expect(countSmsSegments(managerHelp).segments).toBeLessThanOrEqual(2);
    expect(help).not.toContain('REPORT');
  });
});
