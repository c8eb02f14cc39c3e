/** Once-only markers (a digest per worker per day, a summary per week): true the first time a key is claimed. */
export interface OnceLog {
  claim(key: string, at: Date): Promise<boolean>;
}
