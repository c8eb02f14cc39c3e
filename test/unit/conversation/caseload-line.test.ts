import { caseloadAttention, caseloadLine, type CaseloadEntry } from '../../../src/domain/cases/caseload-line.js';
import { fitStaffText } from '../../../src/domain/messaging/fit-staff-text.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';

const now = new Date('2026-12-11T10:00:00Z');
const options = { now, timeZone: 'Europe/London' };
const timepoint = (timepointId: string, status: CaseloadEntry['timepoints'][number]['status'], due: string, closes: string) =>
  ({ timepointId, status, dueAt: new Date(due), closesAt: new Date(closes) });
const baselineDone = timepoint('baseline', 'completed', '2026-12-01T11:00:00Z', '2026-12-08T11:00:00Z');
const person = (fields: Partial<CaseloadEntry>): CaseloadEntry => ({ reference: 'SU-0001', status: 'active', timepoints: [], alertOpen: false, ...fields });

describe('one person on a worker\'s STATUS', () => {
  it.each<[string, Partial<CaseloadEntry>, string]>([
    ['waiting for consent', { status: 'pending-consent' }, 'SU-0001: waiting for consent'],
    ['no reply to consent', { status: 'consent-lapsed' }, 'SU-0001: no reply to consent'],
    ['active with nothing yet', {}, 'SU-0001: active'],
    ['baseline done, follow-up ahead', { timepoints: [baselineDone, timepoint('6w', 'scheduled', '2027-01-12T11:00:00Z', '2027-01-19T11:00:00Z')] }, 'SU-0001: baseline done, 6w due 12 Jan'],
    ['a follow-up open', { timepoints: [baselineDone, timepoint('1w', 'open', '2026-12-08T11:00:00Z', '2026-12-12T11:00:00Z')] }, 'SU-0001: 1w open until 12 Dec'],
    ['a follow-up half answered', { timepoints: [baselineDone, timepoint('1w', 'in-progress', '2026-12-08T11:00:00Z', '2026-12-12T11:00:00Z')] }, 'SU-0001: 1w started until 12 Dec'],
    ['a follow-up lapsed, another ahead', {
      timepoints: [baselineDone, timepoint('1w', 'lapsed', '2026-12-08T11:00:00Z', '2026-12-10T11:00:00Z'), timepoint('2w', 'scheduled', '2026-12-15T11:00:00Z', '2026-12-17T11:00:00Z')],
    }, 'SU-0001: 1w lapsed 10 Dec, 2w due 15 Dec'],
    ['the last follow-up lapsed', { timepoints: [baselineDone, timepoint('1w', 'lapsed', '2026-12-08T11:00:00Z', '2026-12-10T11:00:00Z')] }, 'SU-0001: 1w lapsed 10 Dec, nothing more due'],
    ['a window closed before it could open', { timepoints: [baselineDone, timepoint('1w', 'scheduled', '2026-12-08T11:00:00Z', '2026-12-10T11:00:00Z')] }, 'SU-0001: 1w lapsed 10 Dec, nothing more due'],
    ['paused', { status: 'paused', timepoints: [baselineDone, timepoint('6w', 'scheduled', '2027-01-12T11:00:00Z', '2027-01-19T11:00:00Z')] }, 'SU-0001: paused, baseline done, 6w due 12 Jan'],
    ['an alert open', { alertOpen: true, timepoints: [baselineDone] }, 'SU-0001: baseline done, nothing more due ALERT OPEN'],
  ])('when the person is %s, then the line says so', (_case, fields, line) => {
    expect(caseloadLine(person(fields), options)).toBe(line);
  });

  it('when people are put in order, then alerts come first, then lapses, then questionnaires under way, then the rest', () => {
    const lapsed = person({ timepoints: [timepoint('1w', 'lapsed', '2026-12-08T11:00:00Z', '2026-12-10T11:00:00Z')] });
    const open = person({ timepoints: [timepoint('1w', 'open', '2026-12-08T11:00:00Z', '2026-12-12T11:00:00Z')] });
    expect([person({}), open, lapsed, person({ alertOpen: true })].map((entry) => caseloadAttention(entry, now))).toEqual([3, 2, 1, 0]);
  });
});

describe('a staff text that must fit two segments', () => {
  it('when every line fits, then all are there', () => {
    expect(fitStaffText({ header: 'Your people (2):', lines: ['a', 'b'], more: (n) => `...and ${n} more` })).toBe('Your people (2):\na\nb');
  });

  it('when the lines are too many, then the last are left out and counted, and the footer stays', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `SU-${String(i + 1).padStart(4, '0')}: 6w lapsed 10 Dec, 12w due 21 Jan`);
    const text = fitStaffText({ header: 'Your people (40):', lines, more: (n) => `...and ${n} more`, footer: 'Text HELP.' });
    expect(countSmsSegments(text).segments).toBe(2);
    expect(text).toMatch(/^Your people \(40\):\nSU-0001: .*\n\.\.\.and (\d+) more\nText HELP\.$/s);
    const shown = text.split('\n').filter((line) => line.startsWith('SU-')).length;
    expect(text).toContain(`...and ${40 - shown} more`);
  });
});
