/** Everything that lets a member of staff in without a new sign-in: web sessions, API tokens, sign-in codes. */
export interface StaffCredentials {
  /** Ends every session and revokes every API token and code of the member; idempotent. */
  revokeAll(staffId: string): Promise<void>;
}
