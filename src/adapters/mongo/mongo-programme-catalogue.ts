import type { Db } from 'mongodb';
import type { Programme, ProgrammeCatalogue } from '../../app/ports/programme-catalogue.js';
import { programmeSlug } from '../../app/admin/programme-slug.js';
import { retryOnDuplicate } from './documents.js';

type ProgrammeDoc = Omit<Programme, 'id' | 'isDefault'> & { _id: string };

/** The one setting this catalogue keeps: which programme was last made the default. */
interface DefaultDoc {
  _id: typeof defaultKey;
  programmeId: string;
  at: Date;
}

const defaultKey = 'programmes.default';

/**
 * The programmes collection; names are unique through the unique index on slug. "Exactly one
 * default" is not a flag on each programme (moving it would take two writes, and FerretDB has no
 * transactions) but one pointer document in `settings`; while nothing has been made the default,
 * the oldest programme is, so the first programme added is the default without a second write.
 *
 * A programme changes only by `update` (a new plan version, or retirement), and an enrolment keeps
 * the plan version it started on, which every version of the document still holds. So `get` keeps
 * what it has read for the life of the process, reading again only when asked for a plan version
 * the copy it keeps does not know (an enrolment made by another process after an edit): a turn
 * reads its programme from memory. Its `isDefault` and `retiredAt` are as they were when read;
 * `find`, `getDefault` and `list` always ask the database.
 */
export function createMongoProgrammeCatalogue(db: Db): ProgrammeCatalogue {
  const programmes = db.collection<ProgrammeDoc>('programmes');
  const settings = db.collection<DefaultDoc>('settings');
  const known = new Map<string, Programme>();

  const defaultId = async (): Promise<string | null> => {
    const pointer = await settings.findOne({ _id: defaultKey });
    if (pointer && (await programmes.countDocuments({ _id: pointer.programmeId }, { limit: 1 })) > 0) return pointer.programmeId;
    const oldest = await programmes.find({}, { projection: { _id: 1 } }).sort({ createdAt: 1, _id: 1 }).limit(1).next();
    return oldest?._id ?? null;
  };
  const withFlag = async (doc: ProgrammeDoc | null): Promise<Programme | null> => (doc ? toProgramme(doc, (await defaultId()) === doc._id) : null);

  return {
    async add(programme) {
      const { id, isDefault, ...rest } = programme;
      try {
        await programmes.insertOne({ _id: id, ...rest });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return 'duplicate-slug';
        throw error;
      }
      if (isDefault) {
        await retryOnDuplicate(() => settings.replaceOne({ _id: defaultKey }, { programmeId: id, at: programme.createdAt }, { upsert: true }));
      }
      return 'added';
    },
    async update(programme, expectedVersion) {
      const { id, isDefault, ...rest } = programme;
      // The version in the filter makes two edits made at once one success and one conflict
      // (a filter on _id and a field: the _id lookup is indexed, the field is compared after).
      const version = expectedVersion === 1 ? { $or: [{ planVersion: 1 }, { planVersion: { $exists: false } }] } : { planVersion: expectedVersion };
      const result = await programmes.replaceOne({ _id: id, ...version }, rest);
      if (result.matchedCount === 0) return 'conflict';
      known.set(id, { ...programme, isDefault: (await defaultId()) === id });
      if (isDefault) await retryOnDuplicate(() => settings.replaceOne({ _id: defaultKey }, { programmeId: id, at: new Date() }, { upsert: true }));
      return 'updated';
    },
    async find(nameOrSlug) {
      const slug = programmeSlug(nameOrSlug);
      return slug === '' ? null : withFlag(await programmes.findOne({ slug }));
    },
    async get(id, planVersion) {
      const cached = known.get(id);
      const knowsVersion = (p: Programme) => planVersion === undefined || planVersion <= (p.planVersion ?? 1);
      if (cached && knowsVersion(cached)) return cached;
      const programme = await withFlag(await programmes.findOne({ _id: id }));
      if (programme) known.set(id, programme);
      return programme;
    },
    async getDefault() {
      const id = await defaultId();
      // It is the default: asking defaultId again (withFlag) would cost two more commands.
      const doc = id === null ? null : await programmes.findOne({ _id: id });
      return doc ? toProgramme(doc, true) : null;
    },
    async list() {
      const [docs, current] = await Promise.all([programmes.find({}).sort({ createdAt: 1, _id: 1 }).toArray(), defaultId()]);
      return docs.map((doc) => toProgramme(doc, doc._id === current));
    },
  };
}

function toProgramme(doc: ProgrammeDoc, isDefault: boolean): Programme {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest, isDefault };
}

