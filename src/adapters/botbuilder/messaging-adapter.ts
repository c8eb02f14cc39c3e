import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { InboundMessage } from '../../app/ports.js';
import type { Channel, MessagePurpose } from '../../domain/messaging/delivery-plan.js';

/** What a turn's reply needs to reach the outbox: who, on which channel, why. */
export interface OutgoingMessage {
  channel: Channel;
  phoneHash: string;
  body: string;
  purpose: MessagePurpose;
  replyTo?: string;
}

/** Bot Framework's conversation id is the number's keyed hash: no phone number travels in an activity. */
export const botIdentity = { id: 'promptly', name: 'promptly' };

/**
 * A Bot Framework adapter whose wire is the outbox: a turn's replies become recorded outbound
 * messages (sent by the channel's transport), and scheduled jobs start conversations with
 * continueConversation. Subclasses turn their channel's request into an activity.
 */
export abstract class MessagingAdapter extends BotAdapter {
  constructor(private readonly send: (message: OutgoingMessage) => Promise<string>) {
    super();
  }

  /** Runs one inbound message through botbuilder's middleware and the bot's logic. */
  async processInbound(message: InboundMessage, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: message.id,
      channelId: message.channel,
      text: message.body,
      timestamp: message.receivedAt,
      from: { id: message.phoneHash, name: 'user' },
      recipient: botIdentity,
      conversation: { id: message.phoneHash, isGroup: false, conversationType: 'personal', name: 'sms' },
      channelData: message.optOutType ? { optOutType: message.optOutType } : undefined,
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message || !activity.text) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
      if (!conversationId) throw new Error('reply has no conversation to go to');
      const purpose = (activity.channelData as { purpose?: MessagePurpose } | undefined)?.purpose ?? 'reply';
      const id = await this.send({
        channel: (activity.channelId ?? context.activity.channelId) as Channel,
        phoneHash: conversationId,
        body: activity.text,
        purpose,
        replyTo: activity.replyToId ?? (context.activity.type === ActivityTypes.Message ? context.activity.id : undefined),
      });
      responses.push({ id });
    }
    return responses;
  }

  /** Starts a turn the bot initiates (a scheduled invitation or reminder) on an existing conversation. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async updateActivity(): Promise<void> {
    throw new Error('text messages cannot be edited once sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('text messages cannot be deleted once sent');
  }
}

/** A conversation reference for a number on a channel, for continueConversation. */
export function conversationReference(channel: Channel, phoneHash: string): Partial<ConversationReference> {
  return { channelId: channel, conversation: { id: phoneHash, isGroup: false, conversationType: 'personal', name: 'sms' }, user: { id: phoneHash, name: 'user' }, bot: botIdentity };
}
