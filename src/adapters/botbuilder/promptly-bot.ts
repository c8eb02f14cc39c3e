import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { TurnOutcome } from '../../app/cases/handle-turn.js';
import type { InboundMessage } from '../../app/ports/message-log.js';
import type { PromptlyChannelData } from './messaging-adapter.js';

/** Where the turn's outcome is left for the adapter's caller (the inbox). */
export const turnOutcomeKey = Symbol('promptly turn outcome');

/**
 * The bot's turn handler: botbuilder at the edge, the whole turn (decision and replies) in the use
 * case. It hands the inbound message to `handle` and leaves the outcome in the turn state.
 */
export class PromptlyBot extends ActivityHandler {
  constructor(handle: (message: InboundMessage, lock: { tookOver: boolean }) => Promise<TurnOutcome>) {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      const { inbound, tookOver } = context.activity.channelData as PromptlyChannelData;
      context.turnState.set(turnOutcomeKey, await handle(inbound, { tookOver }));
      await next();
    });
  }
}
