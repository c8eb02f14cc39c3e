import type { MessageStatus } from '../../domain/messaging/message-status.js';

/** Twilio's MessageStatus values mapped to ours; statuses before the hand-over to the network are all "sent" to us. */
export function twilioMessageStatus(providerStatus: string): MessageStatus | null {
  switch (providerStatus.toLowerCase()) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    case 'read':
      return 'read';
    default:
      return null;
  }
}
