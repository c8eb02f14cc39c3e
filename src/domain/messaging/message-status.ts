/**
 * An outbound message's life: recorded (pending), claimed for sending (sending), accepted by the
 * provider (sent), then what the network reports. Status only moves forward, whatever order the
 * provider's callbacks arrive in: each status has a rank and a write never lowers it.
 */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'refused' | 'read';

export const statusRank: Record<MessageStatus, number> = {
  pending: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
  refused: 3,
  read: 4,
};
