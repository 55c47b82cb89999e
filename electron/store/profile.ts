// The organisation profile: one record of defaults for every new meeting and document.
import { profileFields, type ProfileFields } from '../../shared/model/meeting.ts';
import { parseOrThrow } from '../../shared/model/validate.ts';
import type { Db } from './db.ts';
import { fromRow, toColumn, toParams } from './table.ts';

export function createProfile(db: Db) {
  const keys = Object.keys(profileFields.shape);
  const select = db.prepare(`SELECT ${keys.map(toColumn).join(', ')} FROM profile WHERE id = 1`);
  const update = db.prepare(`UPDATE profile SET ${keys.map((k) => `${toColumn(k)} = @${toColumn(k)}`).join(', ')} WHERE id = 1`);
  const get = (): ProfileFields => fromRow<ProfileFields>(select.get() as Record<string, unknown>);
  return {
    get,
    update(patch: unknown): ProfileFields {
      const merged = { ...get(), ...(typeof patch === 'object' && patch !== null ? patch : {}) };
      update.run(toParams(parseOrThrow(profileFields, merged, 'Không lưu được thông tin cơ quan')));
      return get();
    },
  };
}

export type Profile = ReturnType<typeof createProfile>;
