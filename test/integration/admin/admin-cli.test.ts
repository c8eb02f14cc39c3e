import { spawn } from 'node:child_process';
import path from 'node:path';
import { createPhoneProtector } from '../../../src/adapters/crypto/phone-protector.js';
import type { AdminCliIo } from '../../../scripts/cli/admin-cli-io.js';
import { programmeCommand } from '../../../scripts/cli/programme.js';
import { staffCommand } from '../../../scripts/cli/staff.js';
import { isolatedEnv } from '../../support/spawn-script.js';
import { testEnv } from '../../support/test-config.js';
import { openAdminFixture, phoneForms, type AdminFixture } from './admin-fixture.js';

let fx: AdminFixture;
beforeAll(async () => (fx = await openAdminFixture()));
afterAll(async () => fx.database.close());

/** Runs `staff ...` or `programme ...` in-process on the test database, capturing what it prints. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; failed: boolean }> {
  const output = { stdout: '', stderr: '', failed: false };
  const io: AdminCliIo = {
    run: (work) => work({ ...fx, measures: () => fx.measures }),
    out: (text) => void (output.stdout += text),
    err: (text) => void (output.stderr += text),
    fail: () => void (output.failed = true),
  };
  const [group, ...rest] = args;
  const command = group === 'staff' ? staffCommand(io) : programmeCommand(io);
  await command.exitOverride().parseAsync(rest, { from: 'user' });
  return output;
}

describe('the staff and programme commands', () => {
  it('when staff are added, listed and removed by name, then the text is readable and shows only masked numbers', async () => {
    const added = await cli('staff', 'add', '--name', 'Sam Jones', '--phone', '07700 900123', '--role', 'worker', '--team', 'north');
    expect(added).toMatchObject({ failed: false, stderr: '' });
    expect(added.stdout).toMatch(/^added Sam Jones \(worker, team north, \+44 ••• ••• 123\)\nid [0-9a-f-]{36}\n$/);
    await cli('staff', 'add', '--name', 'Ann Smith', '--phone', '07700 900124', '--role', 'manager');

    const listed = await cli('staff', 'list');
    expect(listed.stdout.split('\n')[0]).toMatch(/^NAME\s+ROLE\s+TEAM\s+PHONE\s+ID$/);
    expect(listed.stdout).toMatch(/Ann Smith\s+manager\s+main\s+\+44 ••• ••• 124/);
    expect(listed.stdout).toMatch(/Sam Jones\s+worker\s+north\s+\+44 ••• ••• 123/);
    const json = JSON.parse((await cli('staff', 'list', '--role', 'worker', '--json')).stdout) as { name: string; phone: string }[];
    expect(json).toMatchObject([{ name: 'Sam Jones', phone: '+44 ••• ••• 123' }]);
    for (const form of [...phoneForms('+447700900123'), ...phoneForms('+447700900124')]) expect(listed.stdout).not.toContain(form);

    const removed = await cli('staff', 'remove', 'sam jones');
    expect(removed.stdout).toMatch(/^removed Sam Jones \(worker, team north, id .+\); their number can now be used by someone else\n$/);
    expect((await cli('staff', 'list')).stdout).not.toContain('Sam Jones');
    expect(await cli('staff', 'add', '--name', 'Pat Lee', '--phone', '+447700900123', '--role', 'worker')).toMatchObject({ failed: false });
  });

  it('when a command is refused, then each problem goes to stderr prefixed with the command and it fails', async () => {
    expect(await cli('staff', 'add', '--name', 'Bob', '--phone', '0770090012', '--role', 'worker')).toEqual({
      stdout: '', stderr: 'staff add: phone: 0770090012 is too short\n', failed: true,
    });
    const duplicate = await cli('staff', 'add', '--name', 'Bob', '--phone', '07700 900124', '--role', 'worker', '--json');
    expect(duplicate.failed).toBe(true);
    expect(JSON.parse(duplicate.stderr)).toEqual({ error: 'duplicate', problems: [expect.stringContaining('already belongs to Ann Smith')] });
    expect(await cli('staff', 'remove', 'Nobody')).toEqual({ stdout: '', stderr: 'staff remove: no current staff member with id or name "Nobody"\n', failed: true });
  });

  it('when programmes are added, then the plan is described, the first is the default, and --default moves it', async () => {
    const first = await cli('programme', 'add', '--name', 'Talking Therapies', '--measure', 'phq9', '--followups', '6w,12w', '--discharge', '0d', '--reminders', '2,5');
    expect(first).toMatchObject({ failed: false, stderr: '' });
    expect(first.stdout).toContain('added programme "Talking Therapies" (type talking-therapies after ENROL), measure phq9');
    expect(first.stdout).toContain('follow-ups: 6w (day 42, -7/+7d), 12w (day 84, -7/+7d), discharge +0d (open 7d)');
    expect(first.stdout).toContain('the default programme');
    const second = JSON.parse((await cli('programme', 'add', '--name', 'Anxiety', '--measure', 'gad7', '--followups', '4w', '--window', '3d', '--default', '--progress-messages', '--json')).stdout) as { isDefault: boolean; progressMessages: boolean };
    expect(second).toMatchObject({ isDefault: true, progressMessages: true });
    const listed = (await cli('programme', 'list')).stdout.split('\n');
    expect(listed[1]).toMatch(/^\s+Talking Therapies\s+talking-therapies\s+phq9\s/);
    expect(listed[2]).toMatch(/^\*\s+Anxiety\s+anxiety\s+gad7\s/);
  });

  it('when a programme is refused, then the measure, offset and reminder problems are all listed', async () => {
    const result = await cli('programme', 'add', '--name', 'Licensed', '--measure', 'swemwbs', '--followups', '6w,3m', '--reminders', '2,x');
    expect(result.failed).toBe(true);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^programme add: measureId: .*swemwbs\.wording\.json/),
      expect.stringMatching(/^programme add: followUps\[1\]: "3m": months vary in length/),
      'programme add: reminders[1]: must be whole numbers of days, e.g. [2, 5]',
    ]));
    expect((await cli('programme', 'add', '--name', 'talking therapies', '--measure', 'phq9', '--followups', '6w')).stderr).toMatch(/^programme add: name: a programme called "Talking Therapies" already exists/);
  });
});

describe('programme reminders and short windows', () => {
  it('when no reminders are given and the window is short, then the usual ones that fit are chosen and the output says why', async () => {
    const short = await cli('programme', 'add', '--name', 'Quick check', '--measure', 'phq9', '--followups', '6w', '--window', '2d');
    expect(short).toMatchObject({ failed: false, stderr: '' });
    expect(short.stdout).toContain('reminders on day 2 after a follow-up opens (not the usual days 2 and 5: a window closes 4 days after it opens; choose others with --reminders)');
    const none = await cli('programme', 'add', '--name', 'Same day', '--measure', 'phq9', '--followups', '6w', '--window', '0d');
    expect(none.stdout).toContain('no reminders (not the usual days 2 and 5: a window closes the day it opens; choose others with --reminders)');
    const usual = await cli('programme', 'add', '--name', 'Usual', '--measure', 'phq9', '--followups', '6w');
    expect(usual.stdout).toMatch(/\nreminders on days 2, 5 after a follow-up opens\n/);
  });

  it('when the reminders given fall after the window, then the refusal says how to fix it, and none means none', async () => {
    const late = await cli('programme', 'add', '--name', 'Late', '--measure', 'phq9', '--followups', '6w', '--window', '2d', '--reminders', '2,5');
    expect(late).toMatchObject({ failed: true, stdout: '' });
    expect(late.stderr).toBe('programme add: reminders: a reminder on day 5 falls after the window of follow-up "6w" closes (4 days after it opens); give reminder days of 4 or less, or a longer window\n');
    const none = await cli('programme', 'add', '--name', 'Unchased', '--measure', 'phq9', '--followups', '6w', '--reminders', 'none', '--json');
    expect(JSON.parse(none.stdout)).toMatchObject({ plan: { reminders: { afterDays: [] } } });
  });
});

describe('npm run cli', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: root, env: isolatedEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('when `staff add` runs as a process, then the member is stored encrypted in MONGODB_URI and a repeat exits 1 saying who has the number', async () => {
    const env = testEnv({ MONGODB_URI: fx.database.uri });
    const added = await run(env, 'staff', 'add', '--name', 'Spawned Worker', '--phone', '07700 900999', '--role', 'worker', '--json');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const member = JSON.parse(added.stdout) as { id: string; phone: string };
    expect(member.phone).toBe('+44 ••• ••• 999');
    const phones = createPhoneProtector(Buffer.from(String(env.APP_ENCRYPTION_KEY), 'base64'));
    const stored = await fx.database.db.collection('staff').findOne({ _id: member.id as never });
    expect(stored).toMatchObject({ name: 'Spawned Worker', phoneHash: phones.hash('+447700900999') });

    const again = await run(env, 'staff', 'add', '--name', 'Someone Else', '--phone', '+447700900999', '--role', 'admin');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`staff add: phone: that number already belongs to Spawned Worker (id ${member.id}); remove them first or give another number\n`);
  }, 60_000);
});
