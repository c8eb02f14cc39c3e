import type { Clock } from '../../app/ports/clock.js';

export const systemClock: Clock = { now: () => new Date(), toReal: (at) => at };
