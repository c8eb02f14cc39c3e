/** MongoDB stores the id as _id; the domain calls it id. */
export function withId<T extends { _id: string }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export function withoutId<T extends { id: string }>(value: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = value;
  return rest;
}

/** MongoDB's duplicate key error (also FerretDB's): a unique index said no. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}

/** Two upserts of the same new _id at once: one inserts, the other gets a duplicate key and must update instead. */
export async function retryOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return write();
  }
}

/** An insert whose duplicate means "already done" (a replayed turn's own record): the first one stands. */
export async function insertUnlessPresent(insert: () => Promise<unknown>): Promise<'inserted' | 'present'> {
  try {
    await insert();
    return 'inserted';
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return 'present';
  }
}
