import type { Config } from '../config.js';

/**
 * The simulator page lets anyone type as any phone, staff included, and move the clock: that is
 * the demo, and it must never sit beside a real provider or in production.
 */
export function simulatorAllowed(config: Pick<Config, 'twilio' | 'nodeEnv'>): boolean {
  return !config.twilio && config.nodeEnv !== 'production';
}
