import type { Db } from 'mongodb';

/**
 * The live due item of a kind for a subject: the one with the highest version (a reschedule voids
 * the older ones), unless that is a cancellation. Null when nothing is waiting.
 */
export async function liveDueItem(db: Db, kind: string, subject: unknown): Promise<{ dueAt: Date; version: number } | null> {
  const [item] = await db.collection('dueItems').find({ kind, subject }).sort({ version: -1 }).limit(1).toArray();
  if (!item || item.cancelled) return null;
  return { dueAt: new Date(item.dueAt as Date), version: item.version as number };
}
