/** A sign-in code as stored: only its keyed hash, never the code. One per member of staff (keyed by their id). */
export interface SignInCode {
  staffId: string;
  /** Tells this code from the one before it, so removing or locking one never touches its successor. */
  nonce: string;
  codeHash: string;
  issuedAt: Date;
  expiresAt: Date;
  lockedAt?: Date;
}

/**
 * Sign-in codes. "One live code per person" is carried by a unique insert keyed by the staff id
 * (FerretDB's findAndModify is not atomic); attempts are counted by claiming numbered slots with
 * unique inserts, so five guesses sent at once still get five slots between them and no more.
 */
export interface SignInCodes {
  /** 'exists' when the person already holds a code (live, expired or locked: the caller decides). */
  insert(code: SignInCode): Promise<'issued' | 'exists'>;
  get(staffId: string): Promise<SignInCode | null>;
  /** Claims the next free attempt slot (1..max) of this code: its number, or null when all are taken. */
  claimAttempt(nonce: string, max: number): Promise<number | null>;
  lock(staffId: string, nonce: string, at: Date): Promise<void>;
  /** Removes this code (matched by nonce); true for the one caller that removed it. */
  remove(staffId: string, nonce: string): Promise<boolean>;
}
