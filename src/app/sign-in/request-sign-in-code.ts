import { randomInt, randomUUID } from 'node:crypto';
import { normalisePhoneNumber } from '../../domain/messaging/phone-number.js';
import { tellStaff } from '../cases/case-deps.js';
import { keyedHash } from './keyed-hash.js';
import { signInPolicy, type SignInDeps } from './sign-in-deps.js';

export type CodeRequest = { ok: true; phoneHash: string } | { ok: false; field: 'phone'; reason: string };

/**
 * "Text me a code". The answer is the same whether or not the number is staff (only a malformed
 * number is refused, which says nothing about who we know). A member who already holds a live code
 * is not sent another: one live code per person, so five guesses a code cannot be multiplied by
 * asking again; an expired or locked code is replaced.
 */
export async function requestSignInCode(deps: SignInDeps, phoneInput: string): Promise<CodeRequest> {
  const phone = normalisePhoneNumber(phoneInput);
  if (!phone.ok) return { ok: false, field: 'phone', reason: phone.reason };
  const phoneHash = deps.phones.hash(phone.e164);
  const now = deps.clock.now();
  const member = await deps.staff.findByPhoneHash(phoneHash);
  if (!member) {
    await deps.audit.record({ actor: 'anonymous', action: 'sign-in.code-refused', at: now, details: { reason: 'not staff' } });
    return { ok: true, phoneHash };
  }
  const existing = await deps.codes.get(member.id);
  if (existing && !existing.lockedAt && existing.expiresAt.getTime() > now.getTime()) {
    await deps.audit.record({ actor: member.id, action: 'sign-in.code-refused', at: now, details: { reason: 'a live code exists' } });
    return { ok: true, phoneHash };
  }
  if (existing) await deps.codes.remove(member.id, existing.nonce);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const nonce = randomUUID();
  const inserted = await deps.codes.insert({
    staffId: member.id, nonce, codeHash: keyedHash(deps.hashKey, `code:${nonce}`, code), issuedAt: now, expiresAt: new Date(now.getTime() + signInPolicy.codeLifetimeMs),
  });
  // Two requests at once: the other one's code is the live one, and it is on its way.
  if (inserted === 'exists') return { ok: true, phoneHash };
  await tellStaff(deps, member, `${code} is your ${deps.orgName} sign-in code. It works for 10 minutes. Did not ask for it? Ignore this text.`, 'notice');
  await deps.audit.record({ actor: member.id, action: 'sign-in.code-sent', at: now });
  return { ok: true, phoneHash };
}
