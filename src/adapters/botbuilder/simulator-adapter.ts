import { MessagingAdapter } from './messaging-adapter.js';

/**
 * The in-process channel for the demo and tests: the same turns, outbox and scheduler as Twilio,
 * with a transport that delivers into the simulator page instead of a phone network.
 */
export class SimulatorAdapter extends MessagingAdapter {}
