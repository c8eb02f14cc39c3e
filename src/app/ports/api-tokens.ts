/** API tokens for staff: only a hash is stored; the token itself is shown once when issued. */
export interface ApiTokens {
  /** A new token for the member, valid for `days` (default 90) from `at`. */
  issue(staffId: string, at: Date, options?: { days?: number }): Promise<string>;
  /** The staff id a presented token belongs to, or null (unknown, expired or revoked). Notes when it was used, at most hourly. */
  resolve(token: string): Promise<string | null>;
  /** Every token ever issued, newest first (revoked and expired ones too). */
  list(): Promise<ApiTokenInfo[]>;
  /** Revokes the token whose id is or starts with `id` (at least 8 characters). */
  revoke(id: string, at: Date): Promise<{ ok: true; token: ApiTokenInfo; already: boolean } | { ok: false; problem: string }>;
}

export interface ApiTokenInfo {
  /** The token's SHA-256 (hex): names it without granting anything. */
  id: string;
  staffId: string;
  issuedAt: Date;
  expiresAt: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
}

export const defaultTokenDays = 90;
