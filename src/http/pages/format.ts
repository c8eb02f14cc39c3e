import type { EnrolmentStatus } from '../../domain/cases/enrolment.js';

export function formatDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(at);
}

export function formatTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

const words: Partial<Record<EnrolmentStatus, string>> = {
  'pending-consent': 'Waiting for consent', 'consent-lapsed': 'No reply to consent', active: 'Active', paused: 'Paused',
};

export function statusText(status: EnrolmentStatus): string {
  return words[status] ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/-/g, ' ');
}
