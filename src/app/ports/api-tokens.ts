/** API tokens for staff: only a hash is stored; the token itself is shown once when issued. */
export interface ApiTokens {
  issue(staffId: string, at: Date): Promise<string>;
  /** The staff id a presented token belongs to, or null. */
  resolve(token: string): Promise<string | null>;
}
