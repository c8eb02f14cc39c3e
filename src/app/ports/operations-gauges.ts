/** The levels operators watch, read when /metrics is scraped (OperationsGauges.read). */
export interface OperationsLevels {
  /** Outbound texts recorded and not yet sent (waiting, deferred to working hours, or being sent); capped at `cap`. */
  outboxDepth: number;
  /** How long the oldest text that could have gone has waited (due to send, or stuck sending); 0 when none. */
  oldestUnsentSeconds: number;
  /** Due items (follow-ups, reminders, lapses...) whose instant has passed and that wait for the sweep; capped at `cap`. */
  dueBacklog: number;
}

export interface OperationsGauges {
  /** Counts stop at `cap`: a scrape never costs more than a bounded read. */
  read(now: Date, cap: number): Promise<OperationsLevels>;
}
