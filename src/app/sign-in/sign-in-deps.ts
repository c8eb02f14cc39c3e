import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { PhoneProtector } from '../ports/phone-protector.js';
import type { Sessions } from '../ports/sessions.js';
import type { SignInCodes } from '../ports/sign-in-codes.js';
import type { StaffDirectory } from '../ports/staff-directory.js';
import type { OutgoingText } from '../cases/case-deps.js';

export interface SignInDeps {
  staff: Pick<StaffDirectory, 'findByPhoneHash' | 'get'>;
  codes: SignInCodes;
  sessions: Sessions;
  phones: Pick<PhoneProtector, 'hash'>;
  audit: AuditLog;
  clock: Clock;
  /** The outbox (CaseDeps.send): the code goes out as every other text does. */
  send(message: OutgoingText): Promise<string>;
  orgName: string;
  /** HKDF subkey of APP_ENCRYPTION_KEY for hashing codes and session tokens (one purpose). */
  hashKey: Buffer;
}

export const signInPolicy = {
  codeLifetimeMs: 10 * 60_000,
  maxAttempts: 5,
  idleMs: 30 * 60_000,
  maxAgeMs: 12 * 60 * 60_000,
  /** A session's lastSeenAt is written at most this often: one write a minute, not one a page. */
  touchEveryMs: 60_000,
} as const;
