/** Append-only: entries are inserted, never updated or deleted. No phone numbers or health answers. */
export interface AuditLog {
  /** With an `id`, recording the same entry again (a replayed turn) is a no-op. */
  record(entry: AuditEntry): Promise<void>;
}

export interface AuditEntry {
  id?: string;
  actor: string;
  action: string;
  subject?: string;
  at: Date;
  details?: Record<string, unknown>;
}
