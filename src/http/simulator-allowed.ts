import type { Config } from '../config.js';

/**
 * Whether the simulator may run at all. Its page lets anyone type as any phone, staff included,
 * and move the clock: that is the demo, and it must never sit beside a real provider or in
 * production. Being allowed is not being on: startService serves it only when asked (options.simulator).
 */
export function simulatorAllowed(config: Pick<Config, 'twilio' | 'nodeEnv'>): boolean {
  return !config.twilio && config.nodeEnv !== 'production';
}
