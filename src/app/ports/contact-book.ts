import type { Channel } from '../../domain/messaging/delivery-plan.js';

export interface Contact {
  phoneHash: string;
  phoneEnc: string;
  lastInboundAt: Partial<Record<Channel, Date>>;
  smsAllowed: boolean;
}

/** Per-number facts: the last inbound time per channel (WhatsApp's window) and the opt-out list. */
export interface ContactBook {
  touchInbound(contact: { phoneHash: string; phoneEnc: string; channel: Channel; at: Date }): Promise<void>;
  get(phoneHash: string): Promise<Contact | null>;
  /** Suppressions are keyed hashes, so they outlive the erasure of the person. */
  suppress(phoneHash: string, source: string, at: Date): Promise<void>;
  unsuppress(phoneHash: string): Promise<void>;
  isSuppressed(phoneHash: string): Promise<boolean>;
}
