import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { TurnReply } from '../../app/handle-turn.js';
import type { Channel } from '../../domain/messaging/delivery-plan.js';

/**
 * The bot's turn handler: botbuilder at the edge, the decision in the use case. It hands the
 * message to `decide` and sends what comes back, tagging each reply with its purpose.
 */
export class PromptlyBot extends ActivityHandler {
  constructor(decide: (message: { phoneHash: string; body: string; optOutType?: string; channel: Channel }) => Promise<TurnReply[]>) {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      const optOutType = (context.activity.channelData as { optOutType?: string } | undefined)?.optOutType;
      const replies = await decide({ phoneHash: context.activity.conversation.id, body: context.activity.text ?? '', optOutType, channel: context.activity.channelId as Channel });
      for (const reply of replies) {
        await context.sendActivity({ type: 'message', text: reply.text, channelData: { purpose: reply.purpose } });
      }
      await next();
    });
  }
}
