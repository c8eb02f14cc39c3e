import type { AuditLog } from '../ports/audit-log.js';
import type { OutgoingText } from './case-deps.js';

/**
 * The same dependencies, with every message and audit entry the turn creates given an id made from
 * the turn's key and its position in the turn: `<key>/m0`, `<key>/m1`, `<key>/a0`. A turn replayed
 * after a crash performs its committed actions in the same order, so it asks for the same ids, and
 * the outbox and the audit log record each of them once.
 */
export function scopeToTurn<D extends { send(message: OutgoingText): Promise<string>; sendMany(messages: OutgoingText[]): Promise<string[]>; audit: AuditLog }>(deps: D, key: string): D {
  let messages = 0;
  let entries = 0;
  return {
    ...deps,
    send: (message: OutgoingText) => deps.send({ ...message, id: `${key}/m${messages++}` }),
    sendMany: (batch: OutgoingText[]) => deps.sendMany(batch.map((message) => ({ ...message, id: `${key}/m${messages++}` }))),
    audit: { record: (entry) => deps.audit.record({ ...entry, id: `${key}/a${entries++}` }) },
  };
}
