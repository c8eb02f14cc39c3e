/** One worker's digest for one local day, decided once: what it says and which items it told them. */
export interface DigestRecord {
  /** `digest:<YYYY-MM-DD>:<workerId>`, also the outbox id of its text. */
  id: string;
  workerId: string;
  /** The organisation's local date it is for, YYYY-MM-DD. */
  date: string;
  text: string;
  /** Keys of the items it told (see digestNews): none of them is told again. */
  said: string[];
  at: Date;
}

/**
 * What the daily digests have said, so each says only what is new. A day's record is inserted once
 * (its id is unique) before its text is sent: a second run of the job, at once or after a crash,
 * finds it and sends that same text under the same outbox id, so the two can never disagree.
 */
export interface DigestLog {
  /** 'exists' when this day's digest was already decided (by another run): that one stands. */
  record(record: DigestRecord): Promise<'recorded' | 'exists'>;
  /** The records among these ids (a worker's recent days), in no particular order. */
  find(ids: readonly string[]): Promise<DigestRecord[]>;
}
