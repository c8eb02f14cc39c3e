/** Where "now" comes from, so schedules can run on an accelerated or fixed clock. */
export interface Clock {
  now(): Date;
  /** The real (wall-clock) instant at which this clock will read `at`: when to wake a job. */
  toReal(at: Date): Date;
}
