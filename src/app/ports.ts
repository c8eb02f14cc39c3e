/**
 * The interfaces the use cases need. Adapters implement them; main.ts wires real ones, tests pass
 * real adapters or small fakes. Later issues add repositories, MessageSender and Scheduler here.
 */

/** Where "now" comes from, so schedules can run on an accelerated or fixed clock. */
export interface Clock {
  now(): Date;
}
