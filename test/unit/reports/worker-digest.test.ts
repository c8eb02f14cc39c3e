import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';
import { workerDigest, type WorkerDigestInput } from '../../../src/domain/analytics/worker-digest.js';

const quiet: WorkerDigestInput = {
  workerName: 'Alex',
  orgName: 'Riverside Trust',
  lapsed: [],
  dueToday: [],
  dueThisWeek: [],
  openAlerts: [],
  timeZone: 'Europe/London',
};

const references = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `SU-${String(from + i).padStart(4, '0')}`);

describe('the worker digest text', () => {
  it('when nothing lapsed, nothing is due and no alert is open, then there is no message', () => {
    expect(workerDigest(quiet)).toBeNull();
  });

  it('when a number looks wrong, then the digest says so by reference, after the alerts', () => {
    expect(workerDigest({ ...quiet, wrongNumbers: ['SU-0042'], openAlerts: ['SU-0002'] })).toBe(
      'Hi Alex, your Riverside Trust update.\nOpen alerts: SU-0002. Text ACK and the reference once dealt with.\n' +
      'SU-0042: this number looks wrong. Please check the number with them.\nText STATUS for your full list.');
    expect(workerDigest({ ...quiet, wrongNumbers: ['SU-0042', 'SU-0043'] })).toContain('SU-0042, SU-0043: these numbers look wrong. Please check the numbers with them.');
  });

  it('when there is a little of everything, then alerts come first, then lapses, today, then the week ahead with local days', () => {
    const text = workerDigest({
      ...quiet,
      lapsed: ['SU-0002', 'SU-0005'],
      dueToday: ['SU-0004'],
      // 23:30 UTC on 6 Jul is 00:30 on Tuesday 7 Jul in London (BST).
      dueThisWeek: [{ reference: 'SU-0009', dueAt: new Date('2026-07-06T23:30:00Z') }, { reference: 'SU-0007', dueAt: new Date('2026-07-03T09:00:00Z') }],
      openAlerts: ['SU-0002'],
    });
    expect(text).toBe(
      'Hi Alex, your Riverside Trust update.\n' +
        'Open alerts: SU-0002. Text ACK and the reference once dealt with.\n' +
        'Lapsed: SU-0002, SU-0005.\n' +
        'Due today: SU-0004.\n' +
        'Due in the next 7 days: SU-0007 Fri 3 Jul, SU-0009 Tue 7 Jul.\n' +
        'Text STATUS for your full list.',
    );
  });

  it('when only one list has anything, then only that list is mentioned', () => {
    expect(workerDigest({ ...quiet, lapsed: ['SU-0003'] })).toBe(
      'Hi Alex, your Riverside Trust update.\nLapsed: SU-0003.\nText STATUS for your full list.',
    );
  });

  it('when the lists are long, then the longest is cut first, as "and N more", and the text fits two GSM-7 segments', () => {
    const text = workerDigest({
      ...quiet,
      lapsed: references(12, 100),
      dueThisWeek: references(40, 200).map((reference, i) => ({ reference, dueAt: new Date(Date.UTC(2026, 6, 1 + (i % 7), 9)) })),
      openAlerts: references(2, 300),
    }) as string;
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(text).toContain('Open alerts: SU-0300, SU-0301.');
    expect(text).toMatch(/Lapsed: SU-0100, (SU-\d{4}, )*SU-\d{4} and \d+ more\./);
    expect(text).toMatch(/Due in the next 7 days: SU-0200 Wed 1 Jul, .* and \d+ more\./);
    const shown = (label: string) => (new RegExp(`${label}: ([^\\n]*?)( and (\\d+) more)?\\.`).exec(text)?.[1] ?? '').split(', ').length;
    const hidden = (label: string) => Number(new RegExp(`${label}: [^\\n]* and (\\d+) more\\.`).exec(text)?.[1] ?? 0);
    expect(shown('Lapsed') + hidden('Lapsed')).toBe(12);
    expect(shown('Due in the next 7 days') + hidden('Due in the next 7 days')).toBe(40);
  });

  it('when every list is enormous and the names are long, then each list keeps at least one reference and the text still fits two segments', () => {
    const text = workerDigest({
      workerName: 'Alexandra Bartholomew-Featherstonehaugh',
      orgName: 'The Riverside Community Wellbeing and Recovery Trust (North)',
      lapsed: references(900, 1000),
      dueToday: references(900, 4000),
      dueThisWeek: references(900, 2000).map((reference) => ({ reference, dueAt: new Date('2026-07-02T09:00:00Z') })),
      openAlerts: references(900, 3000),
      timeZone: 'Europe/London',
    }) as string;
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toContain('Open alerts: SU-3000');
    expect(text).toContain('Lapsed: SU-1000');
    expect(text).toContain('Due today: SU-4000');
    expect(text).toContain('Due in the next 7 days: SU-2000 Thu 2 Jul');
    expect(text).toContain('and 899 more');
  });

  it('when a phone number is passed where a reference belongs, then the number is never in the text', () => {
    const text = workerDigest({ ...quiet, lapsed: ['+44 7700 900123'], openAlerts: ['07700900456'], dueThisWeek: [{ reference: '(07700) 900-789', dueAt: new Date('2026-07-02T09:00:00Z') }] }) as string;
    expect(text.replace(/\D/g, '')).not.toMatch(/7700/);
    expect(text).toContain('Lapsed: (number removed).');
  });

  it('when names carry curly quotes or accents, then the text is still plain GSM-7', () => {
    const text = workerDigest({ ...quiet, workerName: 'Zoë O’Neill', orgName: 'Café “Hope”', openAlerts: ['SU-0001'] }) as string;
    expect(text.startsWith('Hi Zoe O\'Neill, your Café "Hope" update.')).toBe(true);
    expect(countSmsSegments(text).encoding).toBe('GSM-7');
  });
});
