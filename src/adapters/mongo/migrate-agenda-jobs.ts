import type { Db } from 'mongodb';
import { dueItemId, dueKinds, type DueItem, type DueKind } from '../../app/ports/due-work.js';
import { createMongoDueWork } from './mongo-due-work.js';

const marker = 'migration.due-items.v1';

interface AgendaJobDoc {
  _id: unknown;
  name: string;
  data?: { subjectId?: string; at?: Date | string };
  nextRunAt?: Date | null;
}

/**
 * Once per database, for data written while every follow-up, reminder, lapse, consent chase and
 * escalation was its own Agenda job: each pending one becomes a due item at its instant in the
 * service's time (version 0, so anything scheduled since wins), and the Agenda jobs go. Items are
 * inserted before the jobs are deleted and the marker is written last, so a start that dies part-
 * way does it again, inserting nothing twice (ids are deterministic).
 */
export async function migrateAgendaJobs(db: Db): Promise<{ migrated: number } | null> {
  const settings = db.collection<{ _id: string; at: Date }>('settings');
  if (await settings.findOne({ _id: marker })) return null;
  const jobs = db.collection<AgendaJobDoc>('agendaJobs');
  const found = await jobs.find({ name: { $in: [...dueKinds] } }).toArray();
  const items: DueItem[] = [];
  for (const job of found) {
    const at = job.data?.at ? new Date(job.data.at) : null;
    if (!job.nextRunAt || !job.data?.subjectId || !at || Number.isNaN(at.getTime())) continue;
    const item = { kind: job.name as DueKind, subject: job.data.subjectId, dueAt: at, version: 0 };
    items.push({ ...item, id: dueItemId(item) });
  }
  for (let i = 0; i < items.length; i += 1000) await createMongoDueWork(db).add(items.slice(i, i + 1000));
  if (found.length > 0) await jobs.deleteMany({ name: { $in: [...dueKinds] } });
  await settings.updateOne({ _id: marker }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return { migrated: items.length };
}
