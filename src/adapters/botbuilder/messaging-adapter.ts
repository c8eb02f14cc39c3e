import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import type { InboundMessage } from '../../app/ports/message-log.js';

/** Bot Framework's conversation id is the number's keyed hash: no phone number travels in an activity. */
export const botIdentity = { id: 'promptly', name: 'promptly' };

/** Where the inbound message rides in the activity: the turn needs it whole (id, encrypted number). */
export interface PromptlyChannelData {
  inbound: InboundMessage;
  /** The number's lock was taken over from a turn that died (see TurnLocks). */
  tookOver: boolean;
}

/**
 * botbuilder is the inbound edge only: this adapter turns a recorded inbound message into an
 * activity and runs botbuilder's middleware and the bot's turn handler on it. Every outbound text,
 * a reply or a scheduled invitation, goes out one way, through the outbox (app/send-message), so
 * the adapter carries none: a turn that tries to send through it is a bug and fails loudly. No
 * onTurnError is set, so a failed turn reaches the inbox, which retries it.
 */
export abstract class MessagingAdapter extends BotAdapter {
  /** Runs one inbound message through botbuilder's middleware and the bot's logic. */
  async processInbound<T>(message: InboundMessage, logic: (context: TurnContext) => Promise<T>, lock = { tookOver: false }): Promise<T | undefined> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: message.id,
      channelId: message.channel,
      text: message.body,
      timestamp: message.receivedAt,
      from: { id: message.phoneHash, name: 'user' },
      recipient: botIdentity,
      conversation: { id: message.phoneHash, isGroup: false, conversationType: 'personal', name: 'sms' },
      channelData: { inbound: message, tookOver: lock.tookOver } satisfies PromptlyChannelData,
    };
    let result: T | undefined;
    await this.runMiddleware(new TurnContext(this, activity), async (context) => {
      result = await logic(context);
    });
    return result;
  }

  async sendActivities(_context: TurnContext, _activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    throw new Error('promptly sends every text through the outbox, not through the bot adapter');
  }

  async continueConversation(): Promise<void> {
    throw new Error('scheduled messages go through the outbox, not through the bot adapter');
  }

  async updateActivity(): Promise<void> {
    throw new Error('text messages cannot be edited once sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('text messages cannot be deleted once sent');
  }
}
