import { parseWorkerCommand } from '../../../src/domain/cases/worker-commands.js';
import type { WorkerCommand } from '../../../src/domain/cases/worker-commands.js';

const enrolHint = 'To enrol someone, text ENROL followed by their mobile number, e.g. ENROL 07700 900123';

const enrolments: [string, WorkerCommand][] = [
  ['ENROL 07700 900123', { kind: 'enrol', phone: '07700 900123' }],
  ['enrol 07700900123', { kind: 'enrol', phone: '07700900123' }],
  ['Enroll 07700 900 123', { kind: 'enrol', phone: '07700 900 123' }],
  ['ENROLE 07700-900-123', { kind: 'enrol', phone: '07700-900-123' }],
  ['ENROL07700900123', { kind: 'enrol', phone: '07700900123' }],
  ['Enrol: 07700 900123', { kind: 'enrol', phone: '07700 900123' }],
  ['  enrol   +447700900123  ', { kind: 'enrol', phone: '+447700900123' }],
  ['ENROL 0044 7700 900123', { kind: 'enrol', phone: '0044 7700 900123' }],
  ['ENROL +44 (0)7700 900123', { kind: 'enrol', phone: '+44 (0)7700 900123' }],
  ['ENROL (07700) 900123', { kind: 'enrol', phone: '(07700) 900123' }],
  // Where the programme ends and the label starts depends on the programmes: matchProgramme's tests.
  ['enroll +44 7700 900 123 anxiety-group Sam', { kind: 'enrol', phone: '+44 7700 900 123', programmeAndLabel: 'anxiety-group Sam' }],
  ['ENROL 07700 900123 wellbeing', { kind: 'enrol', phone: '07700 900123', programmeAndLabel: 'wellbeing' }],
  ['ENROL 07700 900123 Wellbeing Sam from Tuesday group', { kind: 'enrol', phone: '07700 900123', programmeAndLabel: 'Wellbeing Sam from Tuesday group' }],
  ['ENROL 07700 900123, anxiety-group, Sam', { kind: 'enrol', phone: '07700 900123', programmeAndLabel: 'anxiety-group, Sam' }],
  ['ENROL \uFF10\uFF17\uFF17\uFF10\uFF10 900123', { kind: 'enrol', phone: '07700 900123' }],
  ['ENROL 07700\u2013900123', { kind: 'enrol', phone: '07700-900123' }],
];

const references: [string, WorkerCommand][] = [
  ['PAUSE SU-0042', { kind: 'pause', reference: 'SU-0042' }],
  ['pause su42', { kind: 'pause', reference: 'SU-0042' }],
  ['Pause SU 42', { kind: 'pause', reference: 'SU-0042' }],
  ['pause 0042', { kind: 'pause', reference: 'SU-0042' }],
  ['PAUSE 42', { kind: 'pause', reference: 'SU-0042' }],
  ['pause42', { kind: 'pause', reference: 'SU-0042' }],
  ['pause: su-42.', { kind: 'pause', reference: 'SU-0042' }],
  ['RESUME SU-0042', { kind: 'resume', reference: 'SU-0042' }],
  ['unpause 7', { kind: 'resume', reference: 'SU-0007' }],
  ['withdraw su-0042', { kind: 'withdraw', reference: 'SU-0042' }],
  ['DONE SU-0042 moved out of area', { kind: 'done', reference: 'SU-0042' }],
  ['discharge SU-1234', { kind: 'done', reference: 'SU-1234' }],
  ['ACK SU-0042', { kind: 'ack', reference: 'SU-0042' }],
  ['ack su42 thanks', { kind: 'ack', reference: 'SU-0042' }],
  ['acknowledge 12345', { kind: 'ack', reference: 'SU-12345' }],
];

const others: [string, WorkerCommand][] = [
  ['STATUS', { kind: 'status' }],
  ['REPORT', { kind: 'report', week: 'this' }],
  ['report this week', { kind: 'report', week: 'this' }],
  ['Report: last week\'s', { kind: 'report', week: 'last' }],
  ['REPORT LAST', { kind: 'report', week: 'last' }],
  ['status', { kind: 'status' }],
  ['Status?', { kind: 'status' }],
  ['HELP', { kind: 'help' }],
  ['help me', { kind: 'help' }],
  ['?', { kind: 'help' }],
  ['commands', { kind: 'help' }],
  ['thanks', { kind: 'not-a-command' }],
  ['Hi, how do I add someone?', { kind: 'not-a-command' }],
  ['enrolment', { kind: 'not-a-command' }],
  ['', { kind: 'not-a-command' }],
  ['42', { kind: 'not-a-command' }],
];

const invalid: [string, string][] = [
  ['ENROL', enrolHint],
  ['enrol ', enrolHint],
  ['ENROL Sam', enrolHint],
  ['ENROL 123', `"123" doesn't look like a mobile number. ${enrolHint}`],
  ['ENROL 07700+900123', `"07700+900123" doesn't look like a mobile number. ${enrolHint}`],
  ['PAUSE', 'Which person? Please text PAUSE followed by their reference, e.g. PAUSE SU-0042.'],
  ['resume', 'Which person? Please text RESUME followed by their reference, e.g. RESUME SU-0042.'],
  ['done.', 'Which person? Please text DONE followed by their reference, e.g. DONE SU-0042.'],
  ['PAUSE Sam', '"Sam" isn\'t a reference. Please text PAUSE followed by their reference, e.g. PAUSE SU-0042.'],
  ['withdraw SU-0000', '"SU-0000" isn\'t a reference. Please text WITHDRAW followed by their reference, e.g. WITHDRAW SU-0042.'],
  ['PAUSE 42 43', 'Please send one reference at a time: text PAUSE followed by their reference, e.g. PAUSE SU-0042.'],
  ['REPORT for Alex', 'Text REPORT for this week so far, or REPORT LAST for last week.'],
];

describe('reading workers\' texts', () => {
  it.each(enrolments)('when a worker texts %j, then it is %j', (text, command) => {
    expect(parseWorkerCommand(text)).toEqual(command);
  });

  it.each(references)('when a worker texts %j, then it is %j', (text, command) => {
    expect(parseWorkerCommand(text)).toEqual(command);
  });

  it.each(others)('when a worker texts %j, then it is %j', (text, command) => {
    expect(parseWorkerCommand(text)).toEqual(command);
  });

  it.each(invalid)('when a worker texts %j, then it is invalid with the reason %j', (text, reason) => {
    expect(parseWorkerCommand(text)).toEqual({ kind: 'invalid', reason });
  });
});
