import type { SessionFlash } from '../ports/sessions.js';
import type { StaffMember } from '../ports/staff-directory.js';
import { signInPolicy, type SignInDeps } from './sign-in-deps.js';
import { sessionIdOf } from './verify-sign-in-code.js';

/**
 * The member of staff behind a session cookie, or null: no such session, idle over 30 minutes,
 * older than 12 hours (ended as it is found), or its member removed. Read by _id only.
 */
export async function resumeSession(deps: Pick<SignInDeps, 'sessions' | 'staff' | 'clock' | 'hashKey'>, token: string): Promise<{ member: StaffMember; sessionId: string; flash?: SessionFlash } | null> {
  const id = sessionIdOf(deps, token);
  const session = await deps.sessions.get(id);
  if (!session) return null;
  const now = deps.clock.now().getTime();
  if (now - session.lastSeenAt.getTime() > signInPolicy.idleMs || now - session.createdAt.getTime() > signInPolicy.maxAgeMs) {
    await deps.sessions.end(id);
    return null;
  }
  const member = await deps.staff.get(session.staffId);
  if (!member) {
    await deps.sessions.end(id);
    return null;
  }
  if (now - session.lastSeenAt.getTime() >= signInPolicy.touchEveryMs) await deps.sessions.touch(id, new Date(now));
  // The flash comes with the read the request makes anyway; the page that shows it clears it.
  return { member, sessionId: id, ...(session.flash ? { flash: session.flash } : {}) };
}

/** Sign-out: the session ends in the database, so the cookie is worthless even if it was copied. */
export async function endSession(deps: Pick<SignInDeps, 'sessions' | 'audit' | 'clock' | 'hashKey'>, token: string, staffId: string): Promise<void> {
  await deps.sessions.end(sessionIdOf(deps, token));
  await deps.audit.record({ actor: staffId, action: 'sign-out', at: deps.clock.now() });
}
