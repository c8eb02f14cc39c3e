/**
 * What a number's record keeps to break reply loops (another bot or an auto-reply answering every
 * text): the instants of the replies sent to it in the last hour (at most the limit), and, while
 * replies are held back, since when and when staff were last told.
 */
export interface ReplyLoopState {
  recent: Date[];
  withheldSince?: Date;
  toldAt?: Date;
}

export interface ReplyBudget {
  /** The turn may reply; `next` then counts its reply. */
  allowed: boolean;
  /** The turn is the first held back of an episode: the worker (or a manager) is told, once. */
  tell: boolean;
  /** The turn is the first held back since a reply was last sent. */
  startsEpisode: boolean;
  next: ReplyLoopState;
}

const hourMs = 60 * 60 * 1000;

/**
 * At most `limit` replies per number in any rolling hour. Past it the turn still runs (answers are
 * recorded) but sends the number nothing until the oldest counted reply is an hour old. An episode
 * of silence starts at the first reply held back and ends at the next reply sent; staff hear of it
 * at its start, and not again within the hour after they were told, so a slow loop that frees one
 * reply at a time cannot turn the notices into a flood of their own.
 */
export function replyBudget(state: ReplyLoopState | undefined, now: Date, limit: number): ReplyBudget {
  const recent = (state?.recent ?? []).filter((at) => now.getTime() - at.getTime() < hourMs);
  const toldAt = state?.toldAt;
  if (recent.length < limit) {
    return { allowed: true, tell: false, startsEpisode: false, next: { recent: [...recent, now].slice(-limit), ...(toldAt ? { toldAt } : {}) } };
  }
  const startsEpisode = !state?.withheldSince;
  const tell = startsEpisode && (!toldAt || now.getTime() - toldAt.getTime() >= hourMs);
  return { allowed: false, tell, startsEpisode, next: { recent, withheldSince: state?.withheldSince ?? now, ...(tell ? { toldAt: now } : toldAt ? { toldAt } : {}) } };
}
