import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db.ts';
import { createStore } from '../../electron/store/index.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/store/migrations.ts';
import { tempDir } from '../support/store.ts';

describe('migration 2: the notice signer in the profile', () => {
  it('adds the three signer columns to a version-1 store, keeping its profile', () => {
    const file = join(tempDir(), 'v1.sqlite');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    v1.prepare("UPDATE profile SET issuing_body = 'TỈNH ỦY NGHỆ AN', abbreviation = 'TU'").run();
    v1.close();

    const store = createStore(openDatabase(file));
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.profile.get()).toMatchObject({
      issuingBody: 'TỈNH ỦY NGHỆ AN',
      abbreviation: 'TU',
      noticeSignerAuthority: '',
      noticeSignerPosition: '',
      noticeSignerName: '',
    });
    const updated = store.profile.update({
      noticeSignerAuthority: 'T/L BAN THƯỜNG VỤ',
      noticeSignerPosition: 'CHÁNH VĂN PHÒNG',
      noticeSignerName: ' Nguyễn  Văn A ',
    });
    expect(updated).toMatchObject({ noticeSignerAuthority: 'T/L BAN THƯỜNG VỤ', noticeSignerPosition: 'CHÁNH VĂN PHÒNG', noticeSignerName: 'Nguyễn Văn A' });
    store.db.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT notice_signer_name FROM profile').pluck().get()).toBe('Nguyễn Văn A');
    raw.close();
  });

  it('refuses a signer field longer than the schema allows, with a Vietnamese message', () => {
    const store = createStore(openDatabase(':memory:'));
    expect(() => store.profile.update({ noticeSignerName: 'A'.repeat(201) })).toThrow(/người ký thông báo kết luận: quá dài/i);
    store.db.close();
  });
});
