import { countSmsSegments } from '../../domain/messaging/count-sms-segments.js';

export type SimulatorRole = 'worker' | 'manager' | 'admin' | 'analyst' | 'service-user' | 'unknown';

/** A phone on the simulator page: its number (E.164) and who holds it. */
export interface SimulatorPhone {
  phone: string;
  label: string;
  role: SimulatorRole;
}

/**
 * One text as the simulator page shows it, on the thread of `phone`: typed on that phone ('in',
 * to the bot) or sent to it by the bot ('out'). `at` is the service's clock, so a demo that has
 * skipped ahead shows the demo's dates.
 */
export interface SimulatorMessageView {
  id: string;
  phone: string;
  direction: 'in' | 'out';
  body: string;
  at: string;
  /** What the text would cost as SMS: segments, and whether it fits GSM-7 or needs UCS-2. */
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

export function simulatorMessageView(message: { id: string; phone: string; direction: 'in' | 'out'; body: string; at: Date }): SimulatorMessageView {
  const { segments, encoding } = countSmsSegments(message.body);
  return { ...message, at: message.at.toISOString(), segments, encoding };
}
