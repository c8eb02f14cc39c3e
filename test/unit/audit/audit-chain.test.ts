import { canonicalJson, checkLink, linkHash, type SealedAuditEntry } from '../../../src/domain/audit/audit-chain.js';

const seal = (previous: SealedAuditEntry | null, fields: Omit<SealedAuditEntry, 'seq' | 'prevHash' | 'hash'>): SealedAuditEntry => {
  const link = { seq: (previous?.seq ?? 0) + 1, ...fields, prevHash: previous?.hash ?? '' };
  return { ...link, hash: linkHash(link) };
};

describe('the audit chain', () => {
  const first = seal(null, { entryId: 'a', actor: 'staff-1', action: 'record.view', subject: 'SU-0001', at: new Date('2026-12-01T10:00:00Z'), details: { via: 'web' } });
  const second = seal(first, { entryId: 'b', actor: 'bot', action: 'alert.open', subject: 'SU-0001', at: new Date('2026-12-01T10:01:00Z') });

  it('when keys come in another order or a field is undefined, then the canonical form is the same', () => {
    expect(canonicalJson({ b: 1, a: { d: new Date('2026-12-01T10:00:00Z'), c: undefined } })).toBe('{"a":{"d":"2026-12-01T10:00:00.000Z"},"b":1}');
    expect(linkHash({ ...second, details: undefined })).toBe(second.hash);
  });

  it('when the links are as sealed, then each holds', () => {
    expect(checkLink(null, first)).toBeNull();
    expect(checkLink(first, second)).toBeNull();
  });

  it('when a field changes, the previous hash differs, or a place is skipped, then that link is named as broken', () => {
    expect(checkLink(first, { ...second, actor: 'someone' })).toEqual({ seq: 2, entryId: 'b', problem: 'its contents no longer match its hash' });
    expect(checkLink(first, { ...second, prevHash: 'f'.repeat(64) })).toMatchObject({ seq: 2, problem: 'its previous-hash is not the hash of the entry before it' });
    expect(checkLink(null, second)).toMatchObject({ seq: 2, problem: 'expected entry 1 next, found 2: entries are missing or moved' });
    // Moved to another place with its link rewritten to fit: the sequence number is in the hash.
    const moved = { ...first, seq: 2, prevHash: first.hash };
    expect(checkLink(first, moved)).toMatchObject({ problem: 'its contents no longer match its hash' });
  });
});
