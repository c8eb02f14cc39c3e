import { randomBytes } from 'node:crypto';
import { normalisePhoneNumber } from '../../domain/messaging/phone-number.js';
import type { StaffMember } from '../ports/staff-directory.js';
import { keyedHash, sameHash } from './keyed-hash.js';
import { signInPolicy, type SignInDeps } from './sign-in-deps.js';

export type Verified = { ok: true; member: StaffMember; token: string } | { ok: false; reason: string };

/** One answer for every failure, so the page never tells whether a number is staff or a code was locked. */
export const codeRefused = 'That code is not right, or it has run out. Check the text and try again, or ask for a new code.';

/**
 * Checks a code: each try claims one of five attempt slots (a unique insert each), the fifth wrong
 * one locks the code, and the right one is removed as it is used (only one caller can remove it),
 * so a code signs in once. Success starts a session whose token only the caller ever sees.
 */
export async function verifySignInCode(deps: SignInDeps, phoneInput: string, codeInput: string): Promise<Verified> {
  const now = deps.clock.now();
  const fail = async (actor: string, reason: string) => {
    await deps.audit.record({ actor, action: 'sign-in.failed', at: now, details: { reason } });
    return { ok: false as const, reason: codeRefused };
  };
  const phone = normalisePhoneNumber(phoneInput);
  const member = phone.ok ? await deps.staff.findByPhoneHash(deps.phones.hash(phone.e164)) : null;
  if (!member) return fail('anonymous', 'not staff');
  const code = await deps.codes.get(member.id);
  if (!code) return fail(member.id, 'no code');
  if (code.expiresAt.getTime() <= now.getTime()) return fail(member.id, 'expired');
  if (code.lockedAt) return fail(member.id, 'locked');
  const attempt = await deps.codes.claimAttempt(code.nonce, signInPolicy.maxAttempts);
  if (attempt === null) {
    await deps.codes.lock(member.id, code.nonce, now);
    return fail(member.id, 'locked');
  }
  if (!sameHash(keyedHash(deps.hashKey, `code:${code.nonce}`, codeInput.trim()), code.codeHash)) {
    if (attempt >= signInPolicy.maxAttempts) await deps.codes.lock(member.id, code.nonce, now);
    return fail(member.id, attempt >= signInPolicy.maxAttempts ? 'wrong code, now locked' : 'wrong code');
  }
  if (!(await deps.codes.remove(member.id, code.nonce))) return fail(member.id, 'code already used');
  const token = randomBytes(32).toString('base64url');
  await deps.sessions.create({ id: sessionIdOf(deps, token), staffId: member.id, createdAt: now, lastSeenAt: now });
  await deps.audit.record({ actor: member.id, action: 'sign-in', at: now });
  return { ok: true, member, token };
}

/** The stored id of a session token (its keyed hash): the database never holds the token. */
export function sessionIdOf(deps: Pick<SignInDeps, 'hashKey'>, token: string): string {
  return keyedHash(deps.hashKey, 'session', token);
}
